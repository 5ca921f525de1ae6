import type { AuthUser } from '@hotline/core';
import type { Call } from '../call.entity';
import type { CallLinks } from '../call-links';
import type { CreateCallDto } from '../calls.dto';
import { CallsService } from '../calls.service';
import { callsFixture, T0 } from '../testing/calls-fixture';
import { handLoggedPhone, handLoggedTimes, LogCall } from './log-call';
import { callChanges, UpdateCall } from './update-call';

const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
const dto = (more: Partial<CreateCallDto> = {}): CreateCallDto => ({
  direction: 'inbound',
  channel: 'phone',
  phone: '0912 345 678',
  startedAt: iso(0),
  ...more,
});
const op1 = { id: 'op-1', role: 'operator' } as AuthUser;
const op2 = { id: 'op-2', role: 'operator' } as AuthUser;
const sup = { id: 'sup-1', role: 'supervisor' } as AuthUser;

function setup() {
  const f = callsFixture();
  const links = {
    checkTopic: async (id?: string) => {
      if (id === 'inactive') throw Object.assign(new Error('topicId'), { status: 400 });
    },
    checkCitizen: async () => undefined,
    citizenFor: async (citizenId: string | undefined, phone: string | null) =>
      citizenId ?? (phone === '+84912345678' ? 'citizen-1' : null),
  } as unknown as CallLinks;
  return {
    ...f,
    log: new LogCall(f.unit.asUnitOfWork, f.repos.calls, links, f.clock),
    update: new UpdateCall(f.unit.asUnitOfWork, f.repos.calls, links, f.clock),
    service: new CallsService(f.repos.calls, f.clock),
  };
}

describe('hand-logged contacts (pure rules)', () => {
  it.each([
    [{}, { answeredAt: iso(0), endedAt: null }],
    [{ outcome: 'missed' as const }, { answeredAt: null, endedAt: null }],
    [
      { answeredAt: iso(30), endedAt: iso(240) },
      { answeredAt: iso(30), endedAt: iso(240) },
    ],
  ])('times of %j', (more, expected) => {
    const t = handLoggedTimes(dto(more), T0);
    expect({ answeredAt: t.answeredAt?.toISOString() ?? null, endedAt: t.endedAt?.toISOString() ?? null }).toEqual(
      expected,
    );
  });

  it.each([
    [{ answeredAt: iso(-1) }, 'answeredAt'],
    [{ endedAt: iso(-1) }, 'endedAt'],
    [{ answeredAt: iso(60), endedAt: iso(30) }, 'endedAt'],
    [{ startedAt: iso(301) }, 'startedAt'],
  ])('refuses %j (400 naming %s)', (more, field) => {
    expect(() => handLoggedTimes(dto(more), T0)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field }) }),
    );
  });

  it('phone: E.164, withheld, required on phone-like channels only', () => {
    expect(handLoggedPhone(dto())).toEqual({ phone: '+84912345678', withheld: false });
    expect(handLoggedPhone(dto({ phone: 'private' }))).toEqual({ phone: null, withheld: true });
    expect(handLoggedPhone(dto({ phone: undefined, channel: 'email' }))).toEqual({ phone: null, withheld: false });
    expect(() => handLoggedPhone(dto({ phone: undefined, channel: 'zalo' }))).toThrow(/phone: required/);
    expect(() => handLoggedPhone(dto({ phone: '0123' }))).toThrow(/^phone: /);
  });

  it('a PATCH changes only what it names; endedAt ends a hand-logged call, never a PBX one', () => {
    const call = { state: 'answered', startedAt: new Date(T0), answeredAt: new Date(T0 + 10_000), pbx: null } as Call;
    expect(callChanges(call, { notes: 'x' })).toEqual({ notes: 'x' });
    expect(callChanges(call, { endedAt: iso(70) })).toMatchObject({ state: 'ended', waitSeconds: 10, talkSeconds: 60 });
    expect(() => callChanges({ ...call, pbx: 'pbx-1' }, { endedAt: iso(70) })).toThrow(/PBX/);
    expect(() => callChanges(call, { endedAt: iso(5) })).toThrow(/endedAt/);
  });
});

describe('LogCall / UpdateCall', () => {
  it('logs a contact for its operator, links the number’s citizen, audits and emits call:updated', async () => {
    const f = setup();
    const view = await f.log.execute(dto({ answeredAt: iso(30), endedAt: iso(240), outcome: 'guided' }), op1);
    expect(view).toMatchObject({
      operatorId: 'op-1',
      citizenId: 'citizen-1',
      state: 'ended',
      waitSeconds: 30,
      talkSeconds: 210,
    });
    expect(f.unit.history).toEqual([expect.objectContaining({ action: 'logged', entityId: view.id, actorId: 'op-1' })]);
    expect(f.unit.emitted('call:updated')).toEqual([{ rooms: ['role:operator', 'role:supervisor'], payload: view }]);
    await expect(f.log.execute(dto({ topicId: 'inactive' }), op1)).rejects.toMatchObject({ status: 400 });
    expect(f.calls.rows.size).toBe(1);
  });

  it('operators edit their own calls only; a stale version is a 409; supervisors edit any', async () => {
    const f = setup();
    const call = await f.log.execute(dto(), op1);
    await expect(f.update.execute(call.id, { notes: 'x' }, op2)).rejects.toMatchObject({ status: 403 });
    const v2 = await f.update.execute(call.id, { outcome: 'guided', version: 1 }, op1);
    expect(v2).toMatchObject({ outcome: 'guided', version: 2 });
    await expect(f.update.execute(call.id, { notes: 'late', version: 1 }, op1)).rejects.toMatchObject({ status: 409 });
    expect(await f.update.execute(call.id, { notes: 'giám sát' }, sup)).toMatchObject({
      notes: 'giám sát',
      version: 3,
    });
    expect(f.unit.history.filter((h) => h.action === 'updated').map((h) => h.data)).toEqual([
      { fields: ['outcome'] },
      { fields: ['notes'] },
    ]);
  });

  it('the log: operators list their own calls, newest first, in keyset pages', async () => {
    const f = setup();
    for (let i = 0; i < 5; i++) await f.log.execute(dto({ startedAt: iso(i * 60) }), i % 2 ? op2 : op1);
    await expect(f.service.list({ operatorId: 'op-2' }, op1)).rejects.toMatchObject({ status: 403 });
    const page1 = await f.service.list({ limit: 2 }, op1);
    expect(page1.items.map((c) => c.startedAt)).toEqual([iso(240), iso(120)]);
    const page2 = await f.service.list({ limit: 2, cursor: page1.nextCursor! }, op1);
    expect(page2).toMatchObject({ items: [{ startedAt: iso(0) }], nextCursor: null });
    expect((await f.service.list({}, sup)).items).toHaveLength(5);
  });
});
