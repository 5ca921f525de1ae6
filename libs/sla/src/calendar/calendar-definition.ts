/**
 * Validation and normalisation of a CalendarDefinition. A definition comes from an admin form or a JSON column, so every problem is
 * reported at once (the form can show them all) and the engine only ever sees a checked, pre-parsed copy.
 */
import type { CalendarDefinition, CalendarException, HolidayRules, WorkPeriod } from './calendar.types';
import { MINUTE_MS, formatClockTime, tryParseClockTime, tryParseLocalDate, weekdayOfDayNumber } from './local-date';

export type CalendarErrorCode = 'CALENDAR_INVALID' | 'CALENDAR_NO_WORKING_TIME';

/** Framework-free domain error; the api maps `code` to its error body (CALENDAR_INVALID → 400, the other → 422). */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

/** [start, end) in milliseconds after local midnight. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NormalizedException {
  readonly kind: CalendarException['kind'];
  /** null: a working day whose hours come from the weekday or the make-up default. */
  readonly spans: readonly Span[] | null;
  readonly name?: string;
}

export interface NormalizedCalendar {
  readonly offsetMs: number;
  /** Index 0 (Sunday) … 6 (Saturday). */
  readonly weekly: readonly (readonly Span[])[];
  readonly makeUpSpans: readonly Span[];
  readonly rules: HolidayRules | null;
  /** Keyed by local day number. */
  readonly exceptions: ReadonlyMap<number, NormalizedException>;
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;
const ADJACENT_CHOICES = new Set(['auto', 'before', 'after']);
const EXCEPTION_KINDS = new Set(['day_off', 'working_day']);

/** Every problem of a definition, in words an admin can act on; empty when the definition is usable. */
export function validateCalendarDefinition(definition: CalendarDefinition): string[] {
  const problems: string[] = [];
  try {
    normalize(definition, problems);
  } catch (error) {
    problems.push(`Malformed calendar definition: ${(error as Error).message}`);
  }
  return problems;
}

/** Parses a definition for the engine, throwing CalendarError(CALENDAR_INVALID) listing every problem. */
export function normalizeCalendarDefinition(definition: CalendarDefinition): NormalizedCalendar {
  const problems: string[] = [];
  let normalized: NormalizedCalendar | undefined;
  try {
    normalized = normalize(definition, problems);
  } catch (error) {
    problems.push(`Malformed calendar definition: ${(error as Error).message}`);
  }
  if (problems.length > 0 || !normalized) {
    throw new CalendarError('CALENDAR_INVALID', `Invalid working calendar: ${problems.join('; ')}`, problems);
  }
  return normalized;
}

/** Sorted, merged spans, or a problem message. Touching periods (11:30–11:30) merge; overlapping ones are an input mistake. */
export function parsePeriods(periods: readonly WorkPeriod[], where: string, problems: string[]): Span[] {
  if (!Array.isArray(periods)) {
    problems.push(`${where}: periods must be a list`);
    return [];
  }
  const spans: Span[] = [];
  for (const [index, period] of periods.entries()) {
    const start = tryParseClockTime(period?.start);
    const end = tryParseClockTime(period?.end);
    if (start === undefined || end === undefined || start >= end) {
      problems.push(
        `${where}: period ${index + 1} must be HH:mm–HH:mm with start before end (got ${period?.start}–${period?.end})`,
      );
      continue;
    }
    spans.push({ start: start * MINUTE_MS, end: end * MINUTE_MS });
  }
  spans.sort((a, b) => a.start - b.start);
  return mergeSpans(spans, where, problems);
}

export function spansToPeriods(spans: readonly Span[]): WorkPeriod[] {
  return spans.map((span) => ({
    start: formatClockTime(span.start / MINUTE_MS),
    end: formatClockTime(span.end / MINUTE_MS),
  }));
}

function mergeSpans(sorted: Span[], where: string, problems: string[]): Span[] {
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      problems.push(`${where}: periods overlap around ${formatClockTime(span.start / MINUTE_MS)}`);
    } else if (last && span.start === last.end) {
      merged[merged.length - 1] = { start: last.start, end: span.end };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

function normalize(definition: CalendarDefinition, problems: string[]): NormalizedCalendar {
  const offset = definition.timeZoneOffsetMinutes;
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    problems.push(`timeZoneOffsetMinutes must be an integer between -720 and 840 (got ${offset})`);
  }
  const weekly = parseWeekly(definition.weekly ?? {}, problems);
  const makeUpSpans = parseMakeUp(definition, weekly, problems);
  const rules = definition.holidayRules ?? null;
  if (rules !== null) validateRules(rules, problems);
  const exceptions = parseExceptions(definition.exceptions ?? [], weekly, makeUpSpans, problems);
  return { offsetMs: offset * MINUTE_MS, weekly, makeUpSpans, rules, exceptions };
}

function parseWeekly(weekly: CalendarDefinition['weekly'], problems: string[]): Span[][] {
  const unknownKeys = Object.keys(weekly).filter((key) => !/^[0-6]$/.test(key));
  if (unknownKeys.length > 0)
    problems.push(`weekly: unknown weekday keys ${unknownKeys.join(', ')} (use 0 = Sunday … 6 = Saturday)`);
  return WEEKDAYS.map((day) => {
    const periods = weekly[day];
    return periods === undefined ? [] : parsePeriods(periods, `weekly[${day}]`, problems);
  });
}

function parseMakeUp(definition: CalendarDefinition, weekly: Span[][], problems: string[]): Span[] {
  if (definition.makeUpDayPeriods !== undefined) {
    const spans = parsePeriods(definition.makeUpDayPeriods, 'makeUpDayPeriods', problems);
    if (definition.makeUpDayPeriods.length === 0)
      problems.push('makeUpDayPeriods: give at least one period or leave it out');
    return spans;
  }
  return MONDAY_FIRST.map((day) => weekly[day]).find((spans) => spans.length > 0) ?? [];
}

function validateRules(rules: HolidayRules, problems: string[]): void {
  if (rules.preset !== 'vn-labour-code-2019')
    problems.push(`holidayRules.preset must be "vn-labour-code-2019" (got ${rules.preset})`);
  if (!Number.isInteger(rules.tetDays) || rules.tetDays < 1 || rules.tetDays > 15) {
    problems.push(`holidayRules.tetDays must be an integer from 1 to 15 (got ${rules.tetDays})`);
  }
  const before = rules.tetDaysBeforeNewYear;
  if (!Number.isInteger(before) || before < 0 || before > rules.tetDays) {
    problems.push(`holidayRules.tetDaysBeforeNewYear must be an integer from 0 to tetDays (got ${before})`);
  }
  if (!ADJACENT_CHOICES.has(rules.nationalDayAdjacent)) {
    problems.push(`holidayRules.nationalDayAdjacent must be auto, before or after (got ${rules.nationalDayAdjacent})`);
  }
  if (typeof rules.substituteOnRestDay !== 'boolean')
    problems.push('holidayRules.substituteOnRestDay must be true or false');
}

function parseExceptions(
  exceptions: readonly CalendarException[],
  weekly: Span[][],
  makeUpSpans: Span[],
  problems: string[],
): Map<number, NormalizedException> {
  const byDay = new Map<number, NormalizedException>();
  for (const exception of exceptions) {
    const where = `exception ${exception?.date}`;
    const dayNumber = tryParseLocalDate(exception?.date);
    if (dayNumber === undefined) {
      problems.push(`${where}: date must be an existing date as YYYY-MM-DD`);
      continue;
    }
    if (byDay.has(dayNumber)) problems.push(`${where}: more than one exception for this date`);
    const parsed = parseException(exception, where, problems);
    const needsDefault = parsed.kind === 'working_day' && parsed.spans === null;
    if (needsDefault && weekly[weekdayOfDayNumber(dayNumber)].length === 0 && makeUpSpans.length === 0) {
      problems.push(
        `${where}: a working day on a rest day needs periods (no makeUpDayPeriods and no weekday has hours)`,
      );
    }
    byDay.set(dayNumber, parsed);
  }
  return byDay;
}

function parseException(exception: CalendarException, where: string, problems: string[]): NormalizedException {
  if (!EXCEPTION_KINDS.has(exception.kind))
    problems.push(`${where}: kind must be day_off or working_day (got ${exception.kind})`);
  if (exception.name !== undefined && typeof exception.name !== 'string') problems.push(`${where}: name must be text`);
  const name = typeof exception.name === 'string' && exception.name !== '' ? exception.name : undefined;
  if (exception.kind === 'day_off') {
    if (exception.periods !== undefined && exception.periods.length > 0)
      problems.push(`${where}: a day off cannot have periods`);
    return { kind: 'day_off', spans: [], name };
  }
  if (exception.periods === undefined) return { kind: 'working_day', spans: null, name };
  if (exception.periods.length === 0)
    problems.push(`${where}: a working day needs at least one period (or none given, for the default)`);
  return { kind: 'working_day', spans: parsePeriods(exception.periods, where, problems), name };
}
