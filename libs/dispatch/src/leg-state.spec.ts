import { LEG_STATES, LegState } from '@hotline/contracts';
import { DEFAULT_GIA_LAI_CALENDAR, WorkingCalendar } from '@hotline/sla';
import { LEG_TRANSITIONS, assertTransition, canTransition, returnToAgencyRefusal } from './leg-state';

describe('leg transition table', () => {
  it.each<[LegState, LegState, boolean]>([
    ['routing', 'assigned', true],
    ['assigned', 'accepted', true],
    ['accepted', 'courier_assigned', true],
    ['courier_assigned', 'picked_up', true],
    ['picked_up', 'delivered', true],
    ['assigned', 'routing', true],
    ['routing', 'unroutable', true],
    ['unroutable', 'assigned', true],
    ['failed_attempt', 'returned_to_agency', true],
    ['routing', 'accepted', false],
    ['assigned', 'picked_up', false],
    ['picked_up', 'cancelled', false],
    ['delivered', 'failed_attempt', false],
    ['cancelled', 'routing', false],
    ['accepted', 'accepted', false],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
    if (ok) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('covers every state and names only known states', () => {
    expect(Object.keys(LEG_TRANSITIONS).sort()).toEqual([...LEG_STATES].sort());
    for (const targets of Object.values(LEG_TRANSITIONS)) for (const t of targets) expect(LEG_STATES).toContain(t);
  });

  it('terminal states go nowhere', () => {
    for (const s of ['delivered', 'returned_to_agency', 'cancelled'] as LegState[])
      expect(LEG_TRANSITIONS[s]).toEqual([]);
  });
});

describe('returnToAgencyRefusal (Circular 17/2017: two invitations, 2 working days apart)', () => {
  const calendar = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
  // Local Vietnam times (UTC+7).
  const at = (local: string) => new Date(`${local}+07:00`);

  it.each([
    [['2026-12-07T09:00'], /at least 2 times/], // one invitation
    [['2026-12-07T09:00', '2026-12-08T16:00'], /2 working days apart.*09\/12\/2026/], // Monday then Tuesday
    [['2026-12-04T09:00', '2026-12-07T09:00'], /08\/12\/2026/], // Friday then Monday: only 1 working day later
    [['2026-04-29T09:00', '2026-05-04T09:00'], /05\/05\/2026/], // 30/4 and 1/5 are holidays: 4/5 is only the 1st working day after 29/4
  ])('%j → refused', (attempts, reason) => {
    expect(returnToAgencyRefusal(attempts.map(at), calendar)).toMatch(reason);
  });

  it.each([
    [['2026-12-07T09:00', '2026-12-09T08:00']], // Monday then Wednesday
    [['2026-12-04T16:00', '2026-12-08T07:30']], // Friday then Tuesday
    [['2026-12-07T09:00', '2026-12-07T10:00', '2026-12-10T09:00']], // three invitations, the last far enough
  ])('%j → allowed', (attempts) => {
    expect(returnToAgencyRefusal(attempts.map(at), calendar)).toBeNull();
  });
});
