import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';
import type { HolidayRules, WeeklySchedule, WorkPeriod } from '../calendar/calendar.types';

/** A stored working calendar (time zone, weekly hours, holiday rules); its dated exceptions live in calendar_exceptions. */
@Entity('calendars')
@Index('ux_calendars_code', ['code'], { unique: true })
export class SlaCalendarEntity {
  @UuidPrimaryColumn()
  id: string;

  /** Stable handle used by policies and other contexts, e.g. `gia-lai`. */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  /** IANA name, informative: the engine uses the fixed offset (Viet Nam has no daylight saving). */
  @Column({ type: 'varchar', length: 40 })
  timeZone: string;

  @Column({ type: 'int' })
  timeZoneOffsetMinutes: number;

  @Column({ type: 'json' })
  weekly: WeeklySchedule;

  @Column({ type: 'json', nullable: true })
  makeUpDayPeriods: WorkPeriod[] | null;

  /** Null: no computed holidays (e.g. a 24/7 calendar). */
  @Column({ type: 'json', nullable: true })
  holidayRules: HolidayRules | null;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @DateTimeColumn()
  updatedAt: Date;

  /** Bumped on every change of the calendar or its exceptions: caches in other processes reload when it moves. */
  @VersionColumn()
  version: number;
}
