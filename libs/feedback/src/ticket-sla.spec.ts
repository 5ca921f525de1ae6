import { DEFAULT_GIA_LAI_CALENDAR, WorkingCalendar } from '@hotline/sla';
import type { TicketStatus } from '@hotline/contracts';
import { allTimers, clockColumns, initialClocks, syncClocks, timersMoved } from './ticket-sla';

const cal = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
const MIN = 60_000;
const vn = (local: string) => new Date(`${local}+07:00`);
const received = vn('2026-03-02T08:00');
const clocks0 = initialClocks(
  cal,
  { firstResponse: 240 * MIN, resolution: 2400 * MIN, forward: 2400 * MIN },
  received,
  75,
);
const facts = (
  status: TicketStatus,
  extra: Partial<{ firstResponseAt: Date; forwardedAt: Date; pauseWhenForwarded: boolean }> = {},
) => ({
  status,
  firstResponseAt: extra.firstResponseAt ?? null,
  forwardedAt: extra.forwardedAt ?? null,
  pauseWhenForwarded: extra.pauseWhenForwarded ?? false,
  warnPercent: 75,
});

describe('ticket SLA clocks follow the ticket', () => {
  it('start with three running targets and six timers', () => {
    const cols = clockColumns(clocks0);
    expect(cols).toMatchObject({ firstResponseState: 'ok', resolutionState: 'ok', forwardState: 'ok' });
    expect(cols.firstResponseDueAt).toEqual(vn('2026-03-02T14:00')); // 08:00 + 4 h across lunch: 3.5 h before, 0.5 h after
    expect(cols.forwardDueAt).toEqual(vn('2026-03-09T08:00'));
    expect(allTimers(clocks0)).toHaveLength(6);
    expect(cols.nextTimerAt).toEqual(new Date(clocks0.firstResponse!.warnAt!));
  });

  it('waiting for the citizen pauses first response and resolution, not the statutory forward deadline', () => {
    const paused = syncClocks(cal, clocks0, facts('waiting_citizen'), vn('2026-03-02T09:00'));
    expect(clockColumns(paused)).toMatchObject({
      firstResponseState: 'paused',
      resolutionState: 'paused',
      forwardState: 'ok',
      firstResponseDueAt: null,
    });
    expect(timersMoved(clocks0, paused)).toBe(true);
    const resumed = syncClocks(cal, paused, facts('open'), vn('2026-03-04T09:00'));
    expect(clockColumns(resumed).firstResponseDueAt).toEqual(vn('2026-03-04T14:00')); // 3 h left: 2.5 before lunch, 0.5 after
  });

  it('forwarded pauses only when the policy says so; the forward meets the forward deadline', () => {
    const at = vn('2026-03-03T08:00');
    const plain = syncClocks(cal, clocks0, facts('forwarded', { forwardedAt: at }), at);
    expect(clockColumns(plain)).toMatchObject({ resolutionState: 'ok', forwardState: 'met' });
    const pausing = syncClocks(cal, clocks0, facts('forwarded', { forwardedAt: at, pauseWhenForwarded: true }), at);
    expect(clockColumns(pausing)).toMatchObject({ resolutionState: 'paused', forwardState: 'met' });
  });

  it('resolving meets the clocks and drops a forward deadline that no longer applies; reopening resumes resolution only', () => {
    const resolved = syncClocks(cal, clocks0, facts('resolved'), vn('2026-03-03T08:00'));
    expect(clockColumns(resolved)).toMatchObject({
      firstResponseState: 'met',
      resolutionState: 'met',
      forwardState: null,
      nextTimerAt: null,
    });
    const reopened = syncClocks(cal, resolved, facts('reopened'), vn('2026-03-10T08:00'));
    expect(clockColumns(reopened)).toMatchObject({
      firstResponseState: 'met',
      resolutionState: 'ok',
      forwardState: null,
    });
    expect(clockColumns(reopened).resolutionDueAt).toEqual(vn('2026-03-16T08:00')); // 4 of 5 days left
  });

  it('a change that moves nothing keeps the timers (no version bump)', () => {
    expect(timersMoved(clocks0, syncClocks(cal, clocks0, facts('open'), vn('2026-03-02T10:00')))).toBe(false);
  });
});
