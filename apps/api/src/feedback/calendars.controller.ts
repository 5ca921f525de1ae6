import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarDayView, CalendarExceptionView, CalendarView, Page } from '@hotline/contracts';
import { onePage } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import { CalendarDaysQuery, CalendarExceptionDto, CalendarExceptionsQuery, CalendarsService } from '@hotline/calendar';

/** Working calendars (by id or code) and their dated exceptions: day off / make-up working day, entered by admins. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @AnyRole()
  async list(): Promise<Page<CalendarView>> {
    return onePage(await this.calendars.list());
  }

  @Get(':id')
  @AnyRole()
  get(@Param('id') id: string): Promise<CalendarView> {
    return this.calendars.get(id);
  }

  @Get(':id/days')
  @AnyRole()
  @ApiOperation({
    summary: 'What each day of a range resolves to (weekly hours, computed holiday, or dated exception)',
  })
  days(@Param('id') id: string, @Query() q: CalendarDaysQuery): Promise<CalendarDayView[]> {
    return this.calendars.days(id, q.from, q.to);
  }

  @Get(':id/exceptions')
  @AnyRole()
  async exceptions(@Param('id') id: string, @Query() q: CalendarExceptionsQuery): Promise<Page<CalendarExceptionView>> {
    return onePage(await this.calendars.exceptions(id, q.year));
  }

  @Post(':id/exceptions')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a dated exception (wins over computed holidays); 409 when the date already has one' })
  addException(
    @Param('id') id: string,
    @Body() dto: CalendarExceptionDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CalendarExceptionView> {
    return this.calendars.addException(id, dto, actor.id);
  }

  @Delete(':id/exceptions/:exceptionId')
  @Roles('admin')
  @HttpCode(204)
  async removeException(
    @Param('id') id: string,
    @Param('exceptionId') exceptionId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<void> {
    await this.calendars.removeException(id, exceptionId, actor.id);
  }
}
