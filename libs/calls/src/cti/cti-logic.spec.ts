import { CtiCallState, CtiEvent, applyCtiEvent, fromZammad, initialCallState, unansweredOutcome } from './cti-logic';

const T0 = new Date('2026-03-02T02:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const ev = (type: CtiEvent['type'], s: number, extra: Partial<CtiEvent> = {}): CtiEvent => ({
  type,
  callId: 'c1',
  direction: 'inbound',
  from: '0912345678',
  to: '02693888222',
  queue: 'hotline',
  extensions: [],
  cause: null,
  at: at(s),
  ...extra,
});

/** Applies a sequence the way the service does: the first event creates the row, every event is applied to it. */
function run(events: CtiEvent[], abandonAfter = 20, operatorId = 'op-1'): CtiCallState {
  let state: CtiCallState | null = null;
  for (const e of events) {
    state ??= initialCallState(e);
    const d = applyCtiEvent(state, e, e.type === 'answer' ? operatorId : null, abandonAfter);
    state = { ...state, ...d.changes };
  }
  return state!;
}

describe('applyCtiEvent', () => {
  it('new_call → answer → hangup: answered, bound, wait and talk derived', () => {
    const s = run([
      ev('new_call', 0),
      ev('answer', 8, { extensions: ['1001'] }),
      ev('hangup', 68, { cause: 'normalClearing' }),
    ]);
    expect(s).toMatchObject({
      state: 'ended',
      startedAt: at(0),
      answeredAt: at(8),
      endedAt: at(68),
      waitSeconds: 8,
      talkSeconds: 60,
      operatorId: 'op-1',
      extension: '1001',
      outcome: null,
    });
  });

  it('a duplicate event changes nothing', () => {
    const s = run([ev('new_call', 0), ev('answer', 8)]);
    expect(applyCtiEvent(s, ev('answer', 8), 'op-1', 20).changes).toEqual({});
    expect(applyCtiEvent(s, ev('new_call', 0), null, 20).changes).toEqual({});
    // The same answer re-sent later (retry) does not move the answer time forward.
    expect(applyCtiEvent(s, ev('answer', 30), 'op-1', 20).changes).toEqual({});
  });

  it.each([
    ['hangup, answer, new_call', ['hangup', 'answer', 'new_call']],
    ['answer, new_call, hangup', ['answer', 'new_call', 'hangup']],
    ['hangup, new_call, answer', ['hangup', 'new_call', 'answer']],
  ])('out of order (%s, arriving late): one consistent call, times never backwards', (_n, order) => {
    // Arrival times are when the server saw them; all at/after the real ones.
    const times: Record<string, number> = { new_call: 0, answer: 5, hangup: 50 };
    const arrivals = (order as CtiEvent['type'][]).map((t, i) => ev(t, times[t] + i * 100));
    const s = run(arrivals);
    expect(s.state).toBe('ended');
    expect(s.answeredAt).not.toBeNull();
    expect(s.startedAt.getTime()).toBeLessThanOrEqual(s.answeredAt!.getTime());
    expect(s.answeredAt!.getTime()).toBeLessThanOrEqual(s.endedAt!.getTime());
    expect(s.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(s.talkSeconds).toBeGreaterThanOrEqual(0);
    expect(s.outcome).toBeNull();
    expect(s.operatorId).toBe('op-1');
  });

  it('hangup without answer: missed when short, abandoned after the configured wait, transferred when forwarded', () => {
    expect(run([ev('new_call', 0), ev('hangup', 5)]).outcome).toBe('missed');
    expect(run([ev('new_call', 0), ev('hangup', 25)]).outcome).toBe('abandoned');
    expect(run([ev('new_call', 0), ev('hangup', 25)], 60).outcome).toBe('missed');
    expect(run([ev('new_call', 0), ev('hangup', 5, { cause: 'forwarded' })]).outcome).toBe('transferred');
    expect(
      run([
        ev('new_call', 0, { direction: 'outbound' }),
        ev('hangup', 40, { direction: 'outbound', cause: 'noAnswer' }),
      ]).outcome,
    ).toBe('missed');
  });

  it('reports unanswered end once only', () => {
    const s = run([ev('new_call', 0)]);
    const first = applyCtiEvent(s, ev('hangup', 5), null, 20);
    expect(first.unansweredEnd).toBe(true);
    const again = applyCtiEvent({ ...s, ...first.changes }, ev('hangup', 6), null, 20);
    expect(again).toMatchObject({ unansweredEnd: false, changes: {} });
  });

  it('an answer after the hangup clears the missed outcome and is capped at the end', () => {
    const s = run([ev('new_call', 0), ev('hangup', 30), ev('answer', 40)]);
    expect(s).toMatchObject({ outcome: null, answeredAt: at(30), endedAt: at(30), talkSeconds: 0 });
  });

  it('unansweredOutcome table', () => {
    expect(unansweredOutcome('inbound', 0, null, 0)).toBe('abandoned');
    expect(unansweredOutcome('inbound', 19, 'cancel', 20)).toBe('missed');
    expect(unansweredOutcome('outbound', 99, 'busy', 20)).toBe('missed');
  });
});

describe('fromZammad', () => {
  const now = new Date();
  it('maps the fields, user[] arrays and answeringNumber', () => {
    expect(
      fromZammad(
        {
          event: 'newCall',
          from: '0912345678',
          to: '02693888222',
          direction: 'in',
          callId: 'z1',
          'user[]': ['1001', '1002'],
          queue: 'q',
        },
        now,
      ),
    ).toMatchObject({
      type: 'new_call',
      callId: 'z1',
      direction: 'inbound',
      extensions: ['1001', '1002'],
      queue: 'q',
    });
    expect(
      fromZammad({ event: 'answer', direction: 'in', callId: 'z1', user: 'Lan', answeringNumber: '1001' }, now),
    ).toMatchObject({ type: 'answer', extensions: ['1001', 'Lan'] });
    expect(fromZammad({ event: 'hangup', direction: 'out', callId: 'z1', cause: 'busy' }, now)).toMatchObject({
      type: 'hangup',
      direction: 'outbound',
      cause: 'busy',
    });
  });
  it.each([
    [{ direction: 'in', callId: 'x' }, /event/],
    [{ event: 'ring', direction: 'in', callId: 'x' }, /event/],
    [{ event: 'newCall', direction: 'sideways', callId: 'x' }, /direction/],
    [{ event: 'newCall', direction: 'in' }, /callId/],
    [{ event: 'hangup', direction: 'in', callId: 'x', cause: 'explosion' }, /cause/],
  ])('refuses %j', (body, msg) => {
    expect(fromZammad(body as Record<string, unknown>, now)).toMatch(msg);
  });
});
