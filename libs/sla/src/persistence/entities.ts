import type { EntityClass } from '@hotline/core';
import { CalendarExceptionEntity } from './calendar-exception.entity';
import { SlaCalendarEntity } from './calendar.entity';

/** The SLA context's entities (calendars and their exceptions), composed into the DataSource in apps/composition. */
export const SLA_ENTITIES: EntityClass[] = [SlaCalendarEntity, CalendarExceptionEntity];
