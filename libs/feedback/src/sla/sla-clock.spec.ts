import { DEFAULT_GIA_LAI_CALENDAR, WorkingCalendar } from '@hotline/calendar';
import {
  clockState,
  consumedAt,
  fireTimer,
  meetClock,
  pauseClock,
  pendingTimers,
  resumeClock,
  retarget,
  startClock,
} from './sla-clock';

const cal = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
const opts = { warnRatio: 0.75 };
const MIN = 60_000;
/** Local Gia Lai time (UTC+7) → UTC instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const local = (d: string | null) =>
  d ? new Date(new Date(d).getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

describe('SLA clock: start', () => {
  it.each([
    // start, target minutes, expected due (local), expected warning (local)
    ['2026-03-02T08:00', 60, '2026-03-02 09:00', '2026-03-02 08:45'],
    ['2026-03-02T11:00', 60, '2026-03-02 14:00', '2026-03-02 13:45'], // across lunch
    ['2026-03-02T12:00', 60, '2026-03-02 14:30', '2026-03-02 14:15'], // received at lunch
    ['2026-03-06T16:30', 60, '2026-03-09 07:30', '2026-03-09 07:15'], // Friday evening → Monday
    ['2026-03-07T10:00', 240, '2026-03-09 11:00', '2026-03-09 10:00'], // Saturday
    ['2026-02-13T16:00', 120, '2026-02-23 08:00', '2026-02-23 07:30'], // across Tết 2026 (computed holidays 16–20/2)
    ['2026-03-02T07:00', 2400, '2026-03-06 17:00', '2026-03-05 15:00'], // 5 working days of 8 h
  ])('from %s with %i min: due %s, warning %s', (start, minutes, due, warn) => {
    const c = startClock(cal, minutes * MIN, vn(start), opts);
    expect(local(c.dueAt)).toBe(due);
    expect(local(c.warnAt)).toBe(warn);
    expect(clockState(c)).toBe('ok');
  });
});

describe('SLA clock: pause / resume / reopen keep the remaining business time', () => {
  it.each([
    // start, pause at, resume at, target, consumed before pause (min), due after resume
    ['2026-03-02T08:00', '2026-03-02T08:30', '2026-03-02T10:00', 60, 30, '2026-03-02 10:30'],
    ['2026-03-02T08:00', '2026-03-02T08:30', '2026-03-03T16:45', 60, 30, '2026-03-04 07:15'], // resumes late: rest next morning
    ['2026-03-02T10:00', '2026-03-02T11:15', '2026-03-02T12:00', 120, 75, '2026-03-02 14:15'], // resumed during lunch
    ['2026-03-02T08:00', '2026-03-02T08:00', '2026-03-09T08:00', 60, 0, '2026-03-09 09:00'], // paused at once for a week
    ['2026-03-06T16:00', '2026-03-09T08:00', '2026-03-09T09:00', 120, 120, '2026-03-09 09:00'], // used the whole budget: due now
  ])('start %s, pause %s, resume %s (%i min): consumed %i, due %s', (...row) => {
    const [start, pause, resume, minutes, consumed, due] = row;
    const running = startClock(cal, minutes * MIN, vn(start), opts);
    const paused = pauseClock(cal, running, vn(pause));
    expect(paused.consumedMs).toBe(consumed * MIN);
    expect(paused.dueAt).toBeNull();
    expect(clockState(paused)).toBe('paused');
    expect(pendingTimers(paused)).toEqual([]);
    const resumed = resumeClock(cal, paused, vn(resume), opts);
    expect(local(resumed.dueAt)).toBe(due);
    expect(clockState(resumed)).toBe('ok');
  });

  it('pausing twice or resuming a running clock changes nothing', () => {
    const running = startClock(cal, 60 * MIN, vn('2026-03-02T08:00'), opts);
    expect(resumeClock(cal, running, vn('2026-03-02T08:10'), opts)).toBe(running);
    const paused = pauseClock(cal, running, vn('2026-03-02T08:10'));
    expect(pauseClock(cal, paused, vn('2026-03-02T09:10'))).toBe(paused);
  });

  it('reopening a resolved ticket continues the resolution clock from where it stopped (no restart, no instant breach)', () => {
    const running = startClock(cal, 5 * 480 * MIN, vn('2026-03-02T07:00'), opts); // 5 working days
    const resolved = meetClock(cal, running, vn('2026-03-03T07:00')); // one working day used
    expect(clockState(resolved)).toBe('met');
    expect(resolved.consumedMs).toBe(480 * MIN);
    const reopened = resumeClock(cal, resolved, vn('2026-03-16T07:00'), opts); // reopened two weeks later
    expect(clockState(reopened)).toBe('ok');
    expect(reopened.metAt).toBeNull();
    expect(local(reopened.dueAt)).toBe('2026-03-19 17:00'); // the 4 remaining days
    expect(consumedAt(cal, reopened, vn('2026-03-16T09:00'))).toBe(600 * MIN);
  });

  it('a breach stays visible while paused and when met late', () => {
    const running = startClock(cal, 60 * MIN, vn('2026-03-02T08:00'), opts);
    const breached = fireTimer(running, 'breach', vn('2026-03-02T09:00'))!;
    expect(clockState(breached)).toBe('breached');
    expect(clockState(pauseClock(cal, breached, vn('2026-03-02T09:30')))).toBe('breached');
    expect(meetClock(cal, breached, vn('2026-03-02T10:00'))).toMatchObject({
      breached: true,
      metAt: vn('2026-03-02T10:00').toISOString(),
    });
  });
});

describe('SLA clock: timers', () => {
  const running = startClock(cal, 60 * MIN, vn('2026-03-02T08:00'), opts);
  it.each([
    ['warning', '2026-03-02T08:44', false],
    ['warning', '2026-03-02T08:45', true],
    ['breach', '2026-03-02T08:59', false],
    ['breach', '2026-03-02T09:00', true],
  ] as const)('%s at %s acts: %s', (kind, now, acts) => {
    expect(fireTimer(running, kind, vn(now)) !== null).toBe(acts);
  });

  it('is idempotent: a second firing of the same timer does nothing', () => {
    const warned = fireTimer(running, 'warning', vn('2026-03-02T08:45'))!;
    expect(clockState(warned)).toBe('warning');
    expect(fireTimer(warned, 'warning', vn('2026-03-02T08:50'))).toBeNull();
    expect(pendingTimers(warned)).toEqual([{ kind: 'breach', at: running.dueAt }]);
  });

  it('a paused or met clock never fires', () => {
    expect(fireTimer(pauseClock(cal, running, vn('2026-03-02T08:10')), 'breach', vn('2026-03-09T08:00'))).toBeNull();
    expect(fireTimer(meetClock(cal, running, vn('2026-03-02T08:10')), 'breach', vn('2026-03-09T08:00'))).toBeNull();
  });

  it('a new target keeps the consumed time (priority raised → shorter budget)', () => {
    const paused = pauseClock(cal, running, vn('2026-03-02T08:30'));
    const shorter = resumeClock(cal, retarget(cal, paused, 40 * MIN, opts), vn('2026-03-02T10:00'), opts);
    expect(local(shorter.dueAt)).toBe('2026-03-02 10:10');
    expect(local(shorter.warnAt)).toBe('2026-03-02 10:00'); // 75 % of 40 = 30 already consumed: warns at once
  });

  it('a 24/7 calendar counts wall-clock time', () => {
    const always = new WorkingCalendar({
      timeZoneOffsetMinutes: 420,
      weekly: Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
      holidayRules: null,
      exceptions: [],
    });
    const c = startClock(always, 4000, new Date('2026-03-07T23:59:59.000Z'), opts);
    expect(c.dueAt).toBe('2026-03-08T00:00:03.000Z');
    expect(c.warnAt).toBe('2026-03-08T00:00:02.000Z');
  });
});
