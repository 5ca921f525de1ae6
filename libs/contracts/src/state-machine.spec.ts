import { defineMachine } from './state-machine';

const door = defineMachine({
  name: 'door',
  transitions: { open: ['closed'], closed: ['open', 'locked'], locked: ['closed'], bricked: [] },
  sets: { passable: ['open'], shut: ['closed', 'locked', 'bricked'] },
});

describe('defineMachine', () => {
  it.each([
    ['open', 'closed', true],
    ['closed', 'locked', true],
    ['open', 'locked', false],
    ['locked', 'open', false],
    ['bricked', 'open', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(door.can(from, to)).toBe(allowed);
    expect(door.refusal(from, to) === null).toBe(allowed);
  });

  it('says why a move is refused and what is allowed instead', () => {
    expect(door.refusal('open', 'locked')).toEqual({
      message: 'a door in state open cannot go to locked',
      from: 'open',
      to: 'locked',
      allowed: ['closed'],
    });
  });

  it('derives the final states and answers set membership', () => {
    expect(door.final).toEqual(['bricked']);
    expect(door.states).toEqual(['open', 'closed', 'locked', 'bricked']);
    expect(door.is('shut', 'locked')).toBe(true);
    expect(door.is('passable', 'closed')).toBe(false);
    expect(door.next('closed')).toEqual(['open', 'locked']);
  });

  it('refuses a table that leads to an unknown state', () => {
    expect(() => defineMachine({ name: 'bad', transitions: { a: ['b'] } as never })).toThrow(
      /a → b leads to an unknown state/,
    );
  });
});
