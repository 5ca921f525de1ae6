import { USER_MACHINE, userState } from './identity';

describe('USER_MACHINE', () => {
  it.each([
    ['active', 'disabled', true],
    ['disabled', 'active', true],
    ['active', 'active', false],
    ['disabled', 'disabled', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(USER_MACHINE.can(from, to)).toBe(allowed);
  });

  it('has no final state and reads the state of a user view', () => {
    expect(USER_MACHINE.final).toEqual([]);
    expect(userState({ disabled: true })).toBe('disabled');
    expect(USER_MACHINE.next(userState({ disabled: false }))).toEqual(['disabled']);
  });
});
