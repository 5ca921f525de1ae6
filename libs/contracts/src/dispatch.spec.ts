import {
  type InvitationCalendar,
  invitationFacts,
  LEG_MACHINE,
  LEG_STATES,
  type LegGuardFacts,
  type LegState,
  legMoveRefusal,
  OFFER_MACHINE,
  returnToAgencyRefusal,
} from './dispatch';

/** Monday to Friday, no holidays: enough to test the rule's arithmetic (the server uses the working calendar). */
const weekdays: InvitationCalendar = {
  addWorkingDays(date, n) {
    const d = new Date(date);
    for (let left = n; left > 0;) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    return d;
  },
  localDateOf: (t) => t.toISOString().slice(0, 10),
};
const at = (day: string) => new Date(`${day}T03:00:00Z`);
const facts = (state: LegState, extra: Partial<LegGuardFacts> = {}): LegGuardFacts => ({
  state,
  kind: 'pickup',
  pickedUp: false,
  invitations: null,
  ...extra,
});

describe('the leg machine', () => {
  it('declares every state, and the finished states are exactly those with no way out', () => {
    expect([...LEG_MACHINE.states].sort()).toEqual([...LEG_STATES].sort());
    expect([...LEG_MACHINE.sets.finished].sort()).toEqual([...LEG_MACHINE.final].sort());
    expect([...LEG_MACHINE.sets.finished].sort()).toEqual(['cancelled', 'delivered', 'returned_to_agency']);
  });

  it('active = not finished, unroutable included (its due date still runs, it stays on the map)', () => {
    for (const s of LEG_STATES) expect(LEG_MACHINE.is('active', s)).toBe(!LEG_MACHINE.is('finished', s));
    expect(LEG_MACHINE.is('active', 'unroutable')).toBe(true);
  });

  it('cancellable = the states with a cancel move; office-held and needs-action are active', () => {
    expect([...LEG_MACHINE.sets.cancellable].sort()).toEqual(
      LEG_STATES.filter((s) => LEG_MACHINE.can(s, 'cancelled')).sort(),
    );
    expect(LEG_MACHINE.is('cancellable', 'picked_up')).toBe(false);
    for (const s of [...LEG_MACHINE.sets.officeHeld, ...LEG_MACHINE.sets.needsAction])
      expect(LEG_MACHINE.is('active', s)).toBe(true);
  });

  it.each<[LegState, LegState, boolean]>([
    ['routing', 'assigned', true],
    ['routing', 'accepted', false],
    ['assigned', 'routing', true],
    ['unroutable', 'assigned', true],
    ['picked_up', 'cancelled', false],
    ['failed_attempt', 'failed_attempt', true],
    ['delivered', 'failed_attempt', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(LEG_MACHINE.can(from, to)).toBe(allowed);
  });
});

describe('the guards', () => {
  it('delivered only after a pickup, for both kinds of leg', () => {
    expect(legMoveRefusal(facts('failed_attempt'), 'delivered')).toMatchObject({ reason: 'not_picked_up' });
    expect(legMoveRefusal(facts('failed_attempt', { kind: 'return' }), 'delivered')?.message).toMatch(
      /of the result at the agency/,
    );
    expect(legMoveRefusal(facts('failed_attempt', { pickedUp: true }), 'delivered')).toBeNull();
    expect(legMoveRefusal(facts('picked_up', { pickedUp: true }), 'delivered')).toBeNull();
  });

  it('cancel before the pickup only', () => {
    expect(legMoveRefusal(facts('courier_assigned'), 'cancelled')).toBeNull();
    expect(legMoveRefusal(facts('failed_attempt', { pickedUp: true }), 'cancelled')).toMatchObject({
      reason: 'already_picked_up',
      message: 'a leg in state failed_attempt can no longer be cancelled (only before pickup)',
    });
    expect(legMoveRefusal(facts('delivered', { pickedUp: true }), 'cancelled')?.message).toMatch(/no longer/);
  });

  it('an illegal move names the state and the target', () => {
    expect(legMoveRefusal(facts('accepted'), 'picked_up')).toEqual({
      message: 'a leg in state accepted cannot go to picked_up',
      reason: 'illegal',
    });
  });
});

describe('return to the agency (Circular 17/2017): two invitations at least 2 working days apart', () => {
  it.each<[string, string[], RegExp | null]>([
    ['no invitation', [], /at least 2 times before returning the item \(0 so far\)/],
    ['one invitation', ['2026-03-02'], /\(1 so far\)/],
    ['Monday then Tuesday', ['2026-03-02', '2026-03-03'], /on or after 04\/03\/2026/],
    ['Monday then Wednesday', ['2026-03-02', '2026-03-04'], null],
    ['Friday then Monday', ['2026-03-06', '2026-03-09'], /on or after 10\/03\/2026/],
    ['Friday then Tuesday', ['2026-03-06', '2026-03-10'], null],
    ['unsorted, three invitations', ['2026-03-04', '2026-03-02', '2026-03-03'], null],
  ])('%s', (_, days, refusal) => {
    const f = invitationFacts(days.map(at), weekdays);
    expect(f.count).toBe(days.length);
    const message = returnToAgencyRefusal(f);
    if (refusal) expect(message).toMatch(refusal);
    else expect(message).toBeNull();
    expect(legMoveRefusal(facts('failed_attempt', { invitations: f }), 'returned_to_agency')?.message ?? null).toBe(
      message,
    );
  });

  it('only from a failed attempt', () => {
    const f = invitationFacts([at('2026-03-02'), at('2026-03-04')], weekdays);
    expect(legMoveRefusal(facts('picked_up', { invitations: f }), 'returned_to_agency')).toMatchObject({
      reason: 'illegal',
    });
  });
});

describe('the offer machine', () => {
  it('an offer ends once, from pending; routing skips the offices whose offer ended, capacity counts open and accepted ones', () => {
    expect(OFFER_MACHINE.final).toEqual(['accepted', 'rejected', 'timed_out', 'withdrawn']);
    expect(OFFER_MACHINE.can('accepted', 'timed_out')).toBe(false);
    expect([...OFFER_MACHINE.sets.ended, 'accepted'].sort()).toEqual([...OFFER_MACHINE.final].sort());
    expect(OFFER_MACHINE.sets.refused).toEqual(['rejected', 'timed_out']);
    expect(OFFER_MACHINE.sets.countsAgainstCapacity).toEqual(['pending', 'accepted']);
  });
});
