import { Module } from '@nestjs/common';
import { CalendarsService } from './persistence/calendars.service';

/** The stored working calendars; import it to get CalendarsService (e.g. dispatch's J+n due dates via addWorkingDays). */
@Module({ providers: [CalendarsService], exports: [CalendarsService] })
export class CalendarModule {}
