import type { AuthUser } from '@hotline/core';
import type { Call } from '../call.entity';
import { CallbacksService } from '../callbacks.service';
import type { OperatorDirectory } from '../operator-directory';
import { callsFixture, T0 } from '../testing/calls-fixture';
import { AssignCallback } from './assign-callback';
import { CloseCallback } from './close-callback';
import { RecordCallbackAttempt } from './record-callback-attempt';

const PHONE = '+84912345678';
const operator = { id: 'op-1', role: 'operator' } as AuthUser;
const supervisor = { id: 'sup-1', role: 'supervisor' } as AuthUser;

async function setup() {
  const f = callsFixture();
  const roles: Record<string, string> = { 'op-1': 'operator', 'op-2': 'operator', 'disp-1': 'dispatcher' };
  const directory = { role: async (id: string) => roles[id] ?? null } as unknown as OperatorDirectory;
  const task = await f.unit.run((tx) => f.missed.open(tx, { id: 'call-in', phone: PHONE, citizenId: null }));
  f.unit.reset();
  const outbound = (id: string, phone = PHONE, outcome: Call['outcome'] = null) =>
    f.calls.insert({ id, direction: 'outbound', phone, outcome, version: 1 } as Call);
  return {
    ...f,
    task,
    outbound,
    service: new CallbacksService(f.repos.callbacks, f.clock),
    assign: new AssignCallback(f.unit.asUnitOfWork, f.repos.callbacks, directory, f.clock),
    attempt: new RecordCallbackAttempt(f.unit.asUnitOfWork, f.repos.callbacks, f.repos.calls, f.clock),
    close: new CloseCallback(f.unit.asUnitOfWork, f.repos.callbacks, f.repos.calls, f.clock),
  };
}

describe('callback use cases', () => {
  it('operators take a task for themselves only; supervisors give it to an operator, not to a dispatcher', async () => {
    const f = await setup();
    await expect(f.assign.execute(f.task.id, 'op-2', operator)).rejects.toMatchObject({ status: 403 });
    expect(await f.assign.execute(f.task.id, undefined, operator)).toMatchObject({ assigneeId: 'op-1', version: 2 });
    await expect(f.assign.execute(f.task.id, 'disp-1', supervisor)).rejects.toMatchObject({ status: 400 });
    expect(await f.assign.execute(f.task.id, 'op-2', supervisor)).toMatchObject({ assigneeId: 'op-2' });
    expect(f.unit.emitted('callback:updated')).toHaveLength(2);
    expect(f.unit.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['assigned', null, 'op-1'],
      ['assigned', 'op-1', 'op-2'],
    ]);
  });

  it('an attempt is counted and gives an unassigned task to whoever tried; its call must be outbound to the number', async () => {
    const f = await setup();
    await f.outbound('out-other', '+84987654321');
    await expect(f.attempt.execute(f.task.id, { result: 'busy', callId: 'out-other' }, operator)).rejects.toMatchObject(
      {
        status: 400,
        details: { field: 'callId' },
      },
    );
    const a = await f.attempt.execute(f.task.id, { result: 'no_answer', note: 'máy bận' }, operator);
    expect(a).toMatchObject({ callbackId: f.task.id, result: 'no_answer', at: new Date(T0).toISOString() });
    expect(f.callbacks.rows.get(f.task.id)).toMatchObject({ attempts: 1, assigneeId: 'op-1' });
    expect((await f.service.attempts(f.task.id)).items).toHaveLength(1);
  });

  it('closing with the outbound call marks it callback_done; a closed task cannot be worked or closed again (409)', async () => {
    const f = await setup();
    await f.outbound('out-1');
    expect(await f.close.execute(f.task.id, 'out-1', operator)).toMatchObject({ state: 'done', closedCallId: 'out-1' });
    expect(f.calls.rows.get('out-1')).toMatchObject({ outcome: 'callback_done', version: 2 });
    expect(f.callbacks.rows.get(f.task.id)?.openPhone).toBeNull();
    for (const again of [
      () => f.close.execute(f.task.id, 'out-1', operator),
      () => f.assign.execute(f.task.id, undefined, operator),
      () => f.attempt.execute(f.task.id, { result: 'reached' }, operator),
    ])
      await expect(again()).rejects.toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
    await expect(f.close.execute('nope', 'out-1', operator)).rejects.toMatchObject({ status: 404 });
  });

  it('lists open tasks oldest first in keyset pages, and buckets the backlog by age', async () => {
    const f = await setup();
    for (let i = 1; i <= 4; i++) {
      f.clock.travel(20 * 60_000);
      await f.unit.run((tx) => f.missed.open(tx, { id: `call-${i}`, phone: `+8491234500${i}`, citizenId: null }));
    }
    const first = await f.service.list({ limit: 3 });
    expect(first.items.map((c) => c.sourceCallId)).toEqual(['call-in', 'call-1', 'call-2']);
    const rest = await f.service.list({ limit: 3, cursor: first.nextCursor! });
    expect(rest).toMatchObject({ items: [{ sourceCallId: 'call-3' }, { sourceCallId: 'call-4' }], nextCursor: null });
    expect(await f.service.backlog()).toEqual({
      open: 5,
      unassigned: 5,
      oldestAgeSeconds: 80 * 60,
      byAge: { under15m: 1, from15mTo1h: 2, from1hTo4h: 2, over4h: 0 },
    });
  });
});
