import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';
import type { CalendarExceptionKind, WorkPeriod } from '../calendar/calendar.types';

/** An admin-entered dated exception (day off / make-up working day); it wins over the computed holidays. One per date. */
@Entity('calendar_exceptions')
@Index('ux_calendar_exceptions_date', ['calendarId', 'date'], { unique: true })
export class CalendarExceptionEntity {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  calendarId: string;

  /** Local date `YYYY-MM-DD`. */
  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  date: string;

  @Column({ type: 'varchar', length: 12, charset: 'ascii', collation: 'ascii_general_ci' })
  kind: CalendarExceptionKind;

  @Column({ type: 'json', nullable: true })
  periods: WorkPeriod[] | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  name: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @UuidColumn({ nullable: true })
  createdBy: string | null;
}
