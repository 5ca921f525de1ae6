import { callsFixture, T0 } from '../testing/calls-fixture';
import { OperatorPresenceService } from '../operator-presence.service';
import { OperatorStatusService } from '../operator-status.service';
import type { OperatorDirectory } from '../operator-directory';

const U = 'user-1';

function setup(config = {}) {
  const f = callsFixture(config);
  const directory = { names: async () => new Map() } as unknown as OperatorDirectory;
  const service = new OperatorStatusService(f.repos.states, f.change, directory, f.unit.asUnitOfWork);
  const presence = new OperatorPresenceService(f.unit.asUnitOfWork, f.repos.states, f.change, f.timers);
  return { ...f, service, presence };
}

describe('ChangeOperatorStatus', () => {
  it('a first change creates the row offline; each change closes the period, audits and emits to supervisors and the operator', async () => {
    const f = setup();
    await f.change.execute({ userId: U, to: 'available', cause: 'presence:online' });
    f.clock.travel(5000);
    const view = await f.change.execute({ userId: U, to: 'break', cause: 'operator', reason: 'ăn trưa' });
    expect(view).toMatchObject({
      userId: U,
      status: 'break',
      reason: 'ăn trưa',
      since: new Date(T0 + 5000).toISOString(),
    });
    expect(f.states.closed).toEqual([
      expect.objectContaining({ status: 'offline', durationSeconds: 0, endReason: 'presence:online' }),
      expect.objectContaining({ status: 'available', durationSeconds: 5, endReason: 'operator' }),
    ]);
    expect(f.unit.history.map((h) => [h.actorId, h.from, h.to, h.reason])).toEqual([
      [null, 'offline', 'available', 'presence:online'],
      [U, 'available', 'break', 'operator'],
    ]);
    expect(f.unit.emitted('operator:status').at(-1)).toEqual({
      rooms: ['role:supervisor', `user:${U}`],
      payload: view,
    });
  });

  it('a hangup puts the operator in wrap-up and arms the end of it (deterministic id, after the wrap-up time)', async () => {
    const f = setup();
    await f.change.execute({ userId: U, to: 'on_call', cause: 'cti:answer' });
    const view = await f.change.execute({ userId: U, to: f.timers.hangupStatus(), cause: 'cti:hangup' });
    expect(view?.status).toBe('wrap_up');
    expect(f.unit.jobs('calls-wrap-up-end')).toEqual([
      {
        data: { userId: U, version: view!.version },
        jobId: `calls-wrap-up-end__${U}__${view!.version}`,
        runAt: T0 + 30_000,
      },
    ]);
  });

  it('with no wrap-up time a hangup goes straight back to available and arms nothing', async () => {
    const f = setup({ wrapUpSeconds: 0 });
    await f.change.execute({ userId: U, to: 'on_call', cause: 'cti:answer' });
    expect((await f.change.execute({ userId: U, to: f.timers.hangupStatus(), cause: 'cti:hangup' }))?.status).toBe(
      'available',
    );
    expect(f.unit.jobs('calls-wrap-up-end')).toEqual([]);
  });

  it('a move its cause may not make: skipped (nothing written or sent), or a 409 when strict', async () => {
    const f = setup();
    await f.change.execute({ userId: U, to: 'on_call', cause: 'cti:answer' });
    f.unit.reset();
    expect(await f.change.execute({ userId: U, to: 'offline', cause: 'presence:offline' })).toBeNull();
    expect(f.unit.effects).toEqual([]);
    await expect(f.service.set(U, 'break', null)).rejects.toMatchObject({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
      details: { from: 'on_call', to: 'break', allowed: [] },
    });
    expect(f.unit.effects).toEqual([]);
  });
});

describe('timers and presence', () => {
  it('the wrap-up timer of the current version ends the wrap-up; a stale one does nothing', async () => {
    const f = setup();
    await f.change.execute({ userId: U, to: 'on_call', cause: 'cti:answer' });
    const wrap = await f.change.execute({ userId: U, to: 'wrap_up', cause: 'cti:hangup' });
    expect(await f.service.endWrapUp(U, wrap!.version - 1)).toBe(false);
    expect(await f.service.endWrapUp(U, wrap!.version)).toBe(true);
    expect((await f.service.current(U)).status).toBe('available');
    expect(await f.service.endWrapUp(U, wrap!.version)).toBe(false);
  });

  it('the last socket gone arms the offline timer; it fires only if the operator did not come back', async () => {
    const f = setup();
    await f.presence.online(U);
    await f.presence.lost(U);
    const [timer] = f.unit.jobs('calls-presence-offline');
    expect(timer).toEqual({
      data: { userId: U, lostAtMs: T0 },
      jobId: `calls-presence-offline__${U}__${T0}`,
      runAt: T0 + 60_000,
    });
    expect(await f.presence.expired(U, T0 - 1)).toBe(false);
    expect(await f.presence.expired(U, T0)).toBe(true);
    expect((await f.service.current(U)).status).toBe('offline');

    await f.presence.online(U);
    f.clock.travel(1000);
    await f.presence.lost(U);
    await f.presence.online(U); // back within the grace period
    expect((await f.states.find(U))?.disconnectedAt).toBeNull();
    expect(await f.presence.expired(U, T0 + 1000)).toBe(false);
    expect((await f.service.current(U)).status).toBe('available');
  });

  it('an operator never seen is offline at version 0', async () => {
    expect(await setup().service.current('nobody')).toEqual({
      userId: 'nobody',
      status: 'offline',
      since: new Date(0).toISOString(),
      reason: null,
      version: 0,
    });
  });
});
