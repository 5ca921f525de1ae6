import {
  CALL_MACHINE,
  CALLBACK_MACHINE,
  OPERATOR_STATUS_MACHINE,
  OPERATOR_STATUSES,
  operatorStatusChoices,
  operatorStatusMoveAllowed,
} from './calls';

describe('operator status: machine and causes', () => {
  it.each([
    ['available', 'break', 'operator', true],
    ['on_call', 'break', 'operator', false],
    ['on_call', 'available', 'operator', false],
    ['offline', 'break', 'operator', true],
    ['wrap_up', 'available', 'operator', true],
    ['available', 'on_call', 'cti:answer', true],
    ['break', 'on_call', 'cti:answer', true],
    ['offline', 'on_call', 'cti:answer', true],
    ['on_call', 'on_call', 'cti:answer', false],
    ['on_call', 'wrap_up', 'cti:hangup', true],
    ['on_call', 'available', 'cti:hangup', true],
    ['break', 'wrap_up', 'cti:hangup', false],
    ['wrap_up', 'available', 'wrap_up_timer', true],
    ['break', 'available', 'wrap_up_timer', false],
    ['on_call', 'offline', 'presence:offline', false],
    ['break', 'offline', 'presence:offline', true],
    ['wrap_up', 'offline', 'presence:offline', true],
    ['offline', 'available', 'presence:online', true],
    ['break', 'available', 'presence:online', false],
    ['available', 'available', 'operator', false],
  ] as const)('%s → %s by %s: %s', (from, to, cause, ok) => {
    expect(operatorStatusMoveAllowed(from, to, cause)).toBe(ok);
  });

  it('the machine is the union of what the causes allow', () => {
    expect(OPERATOR_STATUS_MACHINE.transitions).toEqual({
      available: ['on_call', 'break', 'offline'],
      on_call: ['available', 'wrap_up'],
      wrap_up: ['available', 'on_call', 'break', 'offline'],
      break: ['available', 'on_call', 'offline'],
      offline: ['available', 'on_call', 'break'],
    });
    expect(OPERATOR_STATUS_MACHINE.final).toEqual([]);
  });

  it('offers the operator break/available except while on a call', () => {
    expect(operatorStatusChoices('available')).toEqual(['break']);
    expect(operatorStatusChoices('break')).toEqual(['available']);
    expect(operatorStatusChoices('wrap_up')).toEqual(['available', 'break']);
    expect(operatorStatusChoices('offline')).toEqual(['available', 'break']);
    expect(operatorStatusChoices('on_call')).toEqual([]);
    for (const s of OPERATOR_STATUSES)
      for (const to of operatorStatusChoices(s)) expect(OPERATOR_STATUS_MACHINE.is('chosenByOperator', to)).toBe(true);
  });
});

describe('call and callback machines', () => {
  it('a call rings, is answered, ends; an ended call stays ended', () => {
    expect(CALL_MACHINE.can('ringing', 'answered')).toBe(true);
    expect(CALL_MACHINE.can('ringing', 'ended')).toBe(true);
    expect(CALL_MACHINE.can('answered', 'ended')).toBe(true);
    expect(CALL_MACHINE.can('ended', 'answered')).toBe(false);
    expect(CALL_MACHINE.can('answered', 'ringing')).toBe(false);
    expect(CALL_MACHINE.final).toEqual(['ended']);
    expect(CALL_MACHINE.sets.live).toEqual(['ringing', 'answered']);
  });

  it('a callback is worked while open and closes once', () => {
    expect(CALLBACK_MACHINE.next('open')).toEqual(['done', 'cancelled']);
    expect(CALLBACK_MACHINE.final).toEqual(['done', 'cancelled']);
    expect(CALLBACK_MACHINE.is('workable', 'open')).toBe(true);
    expect(CALLBACK_MACHINE.is('workable', 'done')).toBe(false);
    expect(CALLBACK_MACHINE.refusal('done', 'done')?.message).toBe('a callback in state done cannot go to done');
  });
});
