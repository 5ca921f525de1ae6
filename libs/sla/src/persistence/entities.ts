import { CalendarExceptionEntity } from './calendar-exception.entity';
import { SlaCalendarEntity } from './calendar.entity';

/** Registered through FEEDBACK_ENTITIES (libs/feedback/src/entities.ts), the SLA context's owner in the DataSource. */
export const SLA_ENTITIES: Function[] = [SlaCalendarEntity, CalendarExceptionEntity];
