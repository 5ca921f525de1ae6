import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallerLookupView, CitizenView } from '@hotline/contracts';
import {
  AddPhoneDto,
  CallerLookupService,
  CitizensService,
  CreateCitizenDto,
  LookupQuery,
  UpdateCitizenDto,
} from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller('citizens')
@Roles('operator', 'supervisor', 'admin')
export class CitizensController {
  constructor(
    private readonly citizens: CitizensService,
    private readonly lookupService: CallerLookupService,
  ) {}

  @Get('lookup')
  @ApiOperation({
    summary:
      'Screen-pop data for a number in any Vietnamese form: identity, last calls, open requests/tickets, remote-area commune',
  })
  lookup(@Query() q: LookupQuery): Promise<CallerLookupView> {
    return this.lookupService.lookup(q.phone);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<CitizenView> {
    return this.citizens.get(id);
  }

  @Post()
  @Roles('operator', 'supervisor')
  create(@Body() dto: CreateCitizenDto, @CurrentUser() user: AuthUser): Promise<CitizenView> {
    const { phone, ...input } = dto;
    return this.citizens.create(phone, input, user.id);
  }

  @Patch(':id')
  @Roles('operator', 'supervisor')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateCitizenDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.citizens.update(id, dto, user.id);
  }

  @Post(':id/phones')
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Add another number (409 if it belongs to somebody else)' })
  addPhone(
    @Param('id', uuidPipe) id: string,
    @Body() dto: AddPhoneDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.citizens.addPhone(id, dto.phone, dto.label ?? null, user.id);
  }

  @Delete(':id/phones/:phone')
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Remove a number (any form); the only number cannot be removed (409)' })
  removePhone(
    @Param('id', uuidPipe) id: string,
    @Param('phone') phone: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.citizens.removePhone(id, phone, user.id);
  }
}
