import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CitizenView } from '@hotline/contracts';
import { AddCitizenPhone, AddPhoneDto, RemoveCitizenPhone } from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller('citizens/:id/phones')
@Roles('operator', 'supervisor')
export class CitizenPhonesController {
  constructor(
    private readonly addPhone: AddCitizenPhone,
    private readonly removePhone: RemoveCitizenPhone,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add another number (409 if it belongs to somebody else)' })
  add(
    @Param('id', uuidPipe) id: string,
    @Body() dto: AddPhoneDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.addPhone.execute({ citizenId: id, phone: dto.phone, label: dto.label ?? null, actorId: user.id });
  }

  @Delete(':phone')
  @ApiOperation({ summary: 'Remove a number (any form); the only number cannot be removed (409)' })
  remove(
    @Param('id', uuidPipe) id: string,
    @Param('phone') phone: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.removePhone.execute(id, phone, user.id);
  }
}
