import { callsFixture, T0 } from '../testing/calls-fixture';
import type { PbxToken } from '../pbx-token.entity';
import { CtiFollowUps } from './cti-follow-ups';
import type { ResolvedCtiEvent } from './cti-event-resolver';
import type { CtiEvent } from './cti-logic';
import { RecordCtiEvent } from './record-cti-event';

const PBX = { name: 'pbx-1', outboundCallerId: null } as PbxToken;
const OP = { id: 'op-1', role: 'operator' as const, extension: '1001' };
const CALLER = '+84912345678';

function setup() {
  const f = callsFixture();
  const record = new RecordCtiEvent(
    f.unit.asUnitOfWork,
    f.repos.calls,
    new CtiFollowUps(f.change, f.timers, f.missed),
    f.clock,
  );
  const send = (type: CtiEvent['type'], atS: number, more: Partial<ResolvedCtiEvent & { cause: string }> = {}) =>
    record.execute({
      pbx: PBX,
      event: {
        type,
        callId: 'c-1',
        direction: 'inbound',
        from: '0912345678',
        to: '02693888222',
        queue: 'hotline',
        extensions: type === 'answer' ? ['1001'] : [],
        cause: more.cause ?? null,
        at: new Date(T0 + atS * 1000),
      },
      resolved: {
        phone: CALLER,
        withheld: false,
        line: '02693888222',
        blocked: false,
        answering: type === 'answer' ? OP : null,
        ringing: [],
        ...more,
      },
      abandonAfterSeconds: 20,
    });
  return { ...f, send };
}

describe('RecordCtiEvent', () => {
  it('new_call → answer → hangup: one call, status on_call then wrap-up (timer armed), every change emitted once', async () => {
    const f = setup();
    const first = await f.send('new_call', 0);
    expect(first).toMatchObject({ created: true, changed: true, saved: { state: 'ringing', phone: CALLER } });
    await f.send('answer', 8);
    const end = await f.send('hangup', 68, { cause: 'normalClearing' });
    expect(f.calls.rows.size).toBe(1);
    expect(end.saved).toMatchObject({
      state: 'ended',
      operatorId: OP.id,
      waitSeconds: 8,
      talkSeconds: 60,
      outcome: null,
    });
    expect(f.unit.emitted('call:updated').map((e) => (e.payload as { state: string }).state)).toEqual([
      'ringing',
      'answered',
      'ended',
    ]);
    expect(f.unit.emitted('operator:status').map((e) => (e.payload as { status: string }).status)).toEqual([
      'on_call',
      'wrap_up',
    ]);
    expect(f.unit.jobs('calls-wrap-up-end')).toHaveLength(1);
    expect(f.unit.history.map((h) => h.action)).toEqual([
      'cti:new_call',
      'status_changed',
      'cti:answer',
      'status_changed',
      'cti:hangup',
    ]);
  });

  it('a duplicate changes nothing, writes no history and emits nothing', async () => {
    const f = setup();
    await f.send('new_call', 0);
    f.unit.reset();
    const again = await f.send('new_call', 0);
    expect(again).toMatchObject({ created: false, changed: false });
    expect(f.unit.effects).toEqual([]);
    expect(f.unit.history).toEqual([]);
  });

  it('a missed inbound call opens a callback (emitted); a late answer cancels the untouched task', async () => {
    const f = setup();
    await f.send('new_call', 0);
    const missed = await f.send('hangup', 5, { cause: 'cancel' });
    expect(missed.saved.outcome).toBe('missed');
    const [task] = [...f.callbacks.rows.values()];
    expect(task).toMatchObject({ phone: CALLER, state: 'open', sourceCallId: missed.saved.id, missedCount: 1 });
    expect(f.unit.emitted('callback:updated')).toEqual([
      { rooms: ['role:operator', 'role:supervisor'], payload: expect.objectContaining({ id: task.id, state: 'open' }) },
    ]);
    const answered = await f.send('answer', 3);
    expect(answered.saved).toMatchObject({ state: 'ended', outcome: null, operatorId: OP.id });
    expect(f.callbacks.rows.get(task.id)).toMatchObject({ state: 'cancelled', openPhone: null });
    expect(f.unit.emitted('callback:updated').at(-1)?.payload).toMatchObject({ state: 'cancelled' });
  });

  it('a withheld caller who hangs up leaves no callback (nobody to call back)', async () => {
    const f = setup();
    await f.send('new_call', 0, { phone: null, withheld: true });
    const end = await f.send('hangup', 30, { phone: null, withheld: true });
    expect(end.saved.outcome).toBe('abandoned');
    expect(f.callbacks.rows.size).toBe(0);
  });

  it('fills the number and the citizen a first bare event did not carry', async () => {
    const f = setup();
    await f.send('hangup', 10, { phone: null, line: null });
    f.calls.numberCitizens.set(CALLER, 'citizen-1');
    const later = await f.send('new_call', 0);
    expect(later.saved).toMatchObject({ phone: CALLER, line: '02693888222', citizenId: 'citizen-1' });
  });

  it("creates the call of a known number with the number's citizen, and leaves an unknown number's without", async () => {
    const f = setup();
    f.calls.numberCitizens.set(CALLER, 'citizen-2');
    expect((await f.send('new_call', 0)).saved.citizenId).toBe('citizen-2');
    const g = setup();
    expect((await g.send('new_call', 0)).saved.citizenId).toBeNull();
  });
});
