import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OperatorStatusRow, OperatorStatusView, Page } from '@hotline/contracts';
import { OperatorStatusService, SetStatusDto, StatusHistoryQuery } from '@hotline/calls';
import { AuthUser, CurrentUser, Roles, ValidationError } from '@hotline/core';

@ApiTags('operator-status')
@ApiBearerAuth()
@Controller('operator-status')
export class OperatorStatusController {
  constructor(private readonly status: OperatorStatusService) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Every operator with a known status, with their name and extension (one page)' })
  all(): Promise<Page<OperatorStatusRow>> {
    return this.status.all();
  }

  @Get('me')
  @Roles('operator', 'supervisor')
  me(@CurrentUser() user: AuthUser): Promise<OperatorStatusView> {
    return this.status.current(user.id);
  }

  @Put('me')
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Take a break / become available (409 while on a call)' })
  set(@Body() dto: SetStatusDto, @CurrentUser() user: AuthUser): Promise<OperatorStatusView> {
    return this.status.set(user.id, dto.status, dto.reason ?? null);
  }

  @Get('history')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Closed status periods with durations and per-operator totals (seconds)' })
  history(@Query() q: StatusHistoryQuery) {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from || to.getTime() - from.getTime() > 93 * 86400_000)
      throw new ValidationError('to must be after from, at most 93 days apart', {
        field: 'to',
        constraint: 'dateOrder',
      });
    return this.status.periods(q.userId, from, to);
  }
}
