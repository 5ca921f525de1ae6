import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Like } from 'typeorm';
import type { CalendarDayView, CalendarExceptionView, CalendarView } from '@hotline/contracts';
import { Clock, ConflictError, dbManager, NotFoundError, UnitOfWork, uuidv7, ValidationError } from '@hotline/core';
import type { CalendarDefinition, CalendarException } from '../calendar/calendar.types';
import { validateCalendarDefinition } from '../calendar/calendar-definition';
import { WorkingCalendar } from '../calendar/working-calendar';
import { CalendarExceptionEntity } from './calendar-exception.entity';
import { SlaCalendarEntity } from './calendar.entity';
import type { CalendarExceptionDto } from './calendar.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long a cached calendar is trusted before its version is checked again (another process may have edited it). */
const RECHECK_MS = 5_000;
const DAY_MS = 86_400_000;

interface CacheEntry {
  calendar: WorkingCalendar;
  version: number;
  checkedAt: number;
}

/**
 * Stored working calendars and their dated exceptions, and the WorkingCalendar built from them. Other contexts ask this service for
 * a calendar (`calendar(idOrCode)` / `defaultCalendar()`) and use its pure functions (addWorkingDays for J+n due dates...).
 */
@Injectable()
export class CalendarsService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<CalendarView[]> {
    return (
      await dbManager(this.db)
        .getRepository(SlaCalendarEntity)
        .find({ order: { isDefault: 'DESC', code: 'ASC' } })
    ).map(calendarView);
  }

  async get(idOrCode: string): Promise<CalendarView> {
    return calendarView(await this.find(idOrCode));
  }

  /** The WorkingCalendar of a stored calendar (by id or code), with its dated exceptions applied; cached per version. */
  async calendar(idOrCode: string): Promise<WorkingCalendar> {
    const cached = this.cache.get(idOrCode);
    const now = Date.now();
    if (cached && now - cached.checkedAt < RECHECK_MS) return cached.calendar;
    const row = await this.find(idOrCode);
    if (cached && cached.version === row.version) {
      cached.checkedAt = now;
      return cached.calendar;
    }
    const exceptions = await dbManager(this.db)
      .getRepository(CalendarExceptionEntity)
      .find({ where: { calendarId: row.id }, order: { date: 'ASC' } });
    const calendar = new WorkingCalendar(definitionOf(row, exceptions));
    const entry = { calendar, version: row.version, checkedAt: now };
    this.cache.set(row.id, entry);
    this.cache.set(row.code, entry);
    return calendar;
  }

  /** The calendar flagged as default (the Gia Lai office calendar in the seed). */
  async defaultCalendar(): Promise<WorkingCalendar> {
    const row = await dbManager(this.db)
      .getRepository(SlaCalendarEntity)
      .findOne({ where: { isDefault: true }, order: { code: 'ASC' } });
    if (!row) throw new NotFoundError('Default calendar');
    return this.calendar(row.id);
  }

  async exceptions(calendarId: string, year?: string): Promise<CalendarExceptionView[]> {
    const row = await this.find(calendarId);
    const rows = await dbManager(this.db)
      .getRepository(CalendarExceptionEntity)
      .find({
        where: { calendarId: row.id, ...(year ? { date: Like(`${year}-%`) } : {}) },
        order: { date: 'ASC' },
      });
    return rows.map(exceptionView);
  }

  /** Adds a dated exception. The whole calendar is re-validated with it: a bad period is a 400 naming the problem, a taken date a 409. */
  async addException(calendarId: string, dto: CalendarExceptionDto, actorId: string): Promise<CalendarExceptionView> {
    const row = await this.find(calendarId);
    const existing = await dbManager(this.db)
      .getRepository(CalendarExceptionEntity)
      .find({ where: { calendarId: row.id } });
    if (existing.some((e) => e.date === dto.date))
      throw new ConflictError(`date: an exception already exists on ${dto.date}`, 'CONFLICT', { field: 'date' });
    const entity: CalendarExceptionEntity = {
      id: uuidv7(),
      calendarId: row.id,
      date: dto.date,
      kind: dto.kind,
      periods:
        dto.kind === 'working_day' && dto.periods?.length
          ? dto.periods.map((p) => ({ start: p.start, end: p.end }))
          : null,
      name: dto.name?.trim() || null,
      createdAt: this.clock.now(),
      createdBy: actorId,
    };
    if (dto.kind === 'day_off' && dto.periods?.length)
      throw new ValidationError('periods: a day_off has no periods', { field: 'periods' });
    const problems = validateCalendarDefinition(definitionOf(row, [...existing, entity]));
    if (problems.length)
      throw new ValidationError(problems.join('; '), {
        field: problems[0].includes('period') ? 'periods' : 'date',
        problems,
      });
    await this.uow.run(async (tx) => {
      await tx.manager.insert(CalendarExceptionEntity, entity);
      await this.touch(tx.manager, row.id);
      await tx.history({
        actorId,
        entityType: 'calendar',
        entityId: row.id,
        action: 'exception_added',
        to: `${entity.date} ${entity.kind}`,
        data: { exceptionId: entity.id, name: entity.name },
      });
    });
    this.cache.delete(row.id);
    this.cache.delete(row.code);
    return exceptionView(entity);
  }

  async removeException(calendarId: string, exceptionId: string, actorId: string): Promise<void> {
    const row = await this.find(calendarId);
    if (!UUID.test(exceptionId))
      throw new ValidationError('exceptionId must be a UUID', { field: 'exceptionId', constraint: 'isUuid' });
    const exception = await dbManager(this.db)
      .getRepository(CalendarExceptionEntity)
      .findOneBy({ id: exceptionId, calendarId: row.id });
    if (!exception) throw new NotFoundError('Calendar exception', exceptionId);
    await this.uow.run(async (tx) => {
      await tx.manager.delete(CalendarExceptionEntity, { id: exceptionId });
      await this.touch(tx.manager, row.id);
      await tx.history({
        actorId,
        entityType: 'calendar',
        entityId: row.id,
        action: 'exception_removed',
        from: `${exception.date} ${exception.kind}`,
      });
    });
    this.cache.delete(row.id);
    this.cache.delete(row.code);
  }

  /** What each day of a range resolves to (admin preview: weekly hours, computed holiday or exception). At most 400 days. */
  async days(calendarId: string, from: string, to: string): Promise<CalendarDayView[]> {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    if (!Number.isFinite(start)) throw new ValidationError('from: not a date', { field: 'from', constraint: 'isDate' });
    if (!Number.isFinite(end) || end < start)
      throw new ValidationError('to: must be a date on or after from', { field: 'to', constraint: 'dateOrder' });
    if ((end - start) / DAY_MS > 400) throw new ValidationError('to: at most 400 days per request', { field: 'to' });
    const calendar = await this.calendar(calendarId);
    const days: CalendarDayView[] = [];
    for (let t = start; t <= end; t += DAY_MS) {
      const d = calendar.describeDay(new Date(t).toISOString().slice(0, 10));
      days.push({ ...d, periods: d.periods.map((p) => ({ ...p })) });
    }
    return days;
  }

  private async find(idOrCode: string): Promise<SlaCalendarEntity> {
    const repo = dbManager(this.db).getRepository(SlaCalendarEntity);
    const row = UUID.test(idOrCode) ? await repo.findOneBy({ id: idOrCode }) : await repo.findOneBy({ code: idOrCode });
    if (!row) throw new NotFoundError('Calendar', idOrCode);
    return row;
  }

  private async touch(m: EntityManager, id: string): Promise<void> {
    await m.update(SlaCalendarEntity, { id }, { updatedAt: this.clock.now(), version: () => 'version + 1' });
  }
}

export function definitionOf(row: SlaCalendarEntity, exceptions: CalendarExceptionEntity[]): CalendarDefinition {
  return {
    timeZoneOffsetMinutes: row.timeZoneOffsetMinutes,
    weekly: row.weekly,
    ...(row.makeUpDayPeriods ? { makeUpDayPeriods: row.makeUpDayPeriods } : {}),
    holidayRules: row.holidayRules,
    exceptions: exceptions.map((e): CalendarException => ({
      date: e.date,
      kind: e.kind,
      ...(e.periods ? { periods: e.periods } : {}),
      ...(e.name ? { name: e.name } : {}),
    })),
  };
}

function calendarView(row: SlaCalendarEntity): CalendarView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timeZone: row.timeZone,
    timeZoneOffsetMinutes: row.timeZoneOffsetMinutes,
    weekly: row.weekly as CalendarView['weekly'],
    holidayRules: row.holidayRules as unknown as Record<string, unknown> | null,
    isDefault: row.isDefault,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function exceptionView(e: CalendarExceptionEntity): CalendarExceptionView {
  return {
    id: e.id,
    calendarId: e.calendarId,
    date: e.date,
    kind: e.kind,
    periods: e.periods,
    name: e.name,
    createdAt: e.createdAt.toISOString(),
  };
}
