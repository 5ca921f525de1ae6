import { Module } from '@nestjs/common';
import { SlaCalendarService } from './persistence/sla-calendar.service';

/** The stored working calendars; import it to get SlaCalendarService (e.g. dispatch's J+n due dates via addWorkingDays). */
@Module({ providers: [SlaCalendarService], exports: [SlaCalendarService] })
export class SlaModule {}
