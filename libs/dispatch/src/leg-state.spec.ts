import { LEG_STATES, LegState } from '@hotline/contracts';
import { LEG_TRANSITIONS, assertTransition, canTransition } from './leg-state';

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
    for (const s of ['delivered', 'returned_to_agency', 'cancelled'] as LegState[]) expect(LEG_TRANSITIONS[s]).toEqual([]);
  });
});
