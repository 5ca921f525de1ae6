import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallerLookupView, CitizenView } from '@hotline/contracts';
import {
  CallerLookupService,
  CitizensService,
  CreateCitizen,
  CreateCitizenDto,
  LookupQuery,
  UpdateCitizen,
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
    private readonly createCitizen: CreateCitizen,
    private readonly updateCitizen: UpdateCitizen,
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
    return this.createCitizen.execute(phone, input, user.id);
  }

  @Patch(':id')
  @Roles('operator', 'supervisor')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateCitizenDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CitizenView> {
    return this.updateCitizen.execute(id, dto, user.id);
  }
}
