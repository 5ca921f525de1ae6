import type { CallsConfig } from '../calls.config';
import { CallsTimers } from '../calls-timers';
import { MissedCallCallbacks } from '../missed-call-callbacks';
import type { CallbacksRepository } from '../repositories/callbacks.repository';
import type { CallsRepository } from '../repositories/calls.repository';
import type { OperatorStatesRepository } from '../repositories/operator-states.repository';
import { ChangeOperatorStatus } from '../use-cases/change-operator-status';
import { FakeClock, FakeUnitOfWork } from '@hotline/core';
import { InMemoryCallbacks, InMemoryCalls, InMemoryOperatorStates } from './in-memory-repositories';

export const T0 = Date.parse('2026-03-02T02:00:00.000Z');

export const TEST_CONFIG: CallsConfig = {
  abandonAfterSeconds: 20,
  wrapUpSeconds: 30,
  presenceGraceSeconds: 60,
  screenPopLastCalls: 5,
};

/** The calls context's in-memory world: a clock, the fake unit of work, repositories, and the shared collaborators. */
export function callsFixture(config: Partial<CallsConfig> = {}) {
  const clock = new FakeClock(T0);
  const unit = new FakeUnitOfWork(clock);
  const states = new InMemoryOperatorStates();
  const calls = new InMemoryCalls();
  const callbacks = new InMemoryCallbacks();
  const repos = {
    states: states as unknown as OperatorStatesRepository,
    calls: calls as unknown as CallsRepository,
    callbacks: callbacks as unknown as CallbacksRepository,
  };
  const timers = new CallsTimers({ ...TEST_CONFIG, ...config }, clock);
  const change = new ChangeOperatorStatus(unit.asUnitOfWork, repos.states, clock, timers);
  const missed = new MissedCallCallbacks(repos.callbacks, clock);
  return { clock, unit, states, calls, callbacks, repos, timers, change, missed };
}
