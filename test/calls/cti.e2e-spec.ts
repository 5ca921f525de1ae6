import type { INestApplicationContext } from '@nestjs/common';
import type { CallView, ScreenPopEvent } from '@hotline/contracts';
import { OperatorPresenceService } from '@hotline/calls';
import { RealtimeEmitter } from '@hotline/core';
import {
  ADMIN_PASSWORD,
  type TestApi,
  type TestSocket,
  connectSocket,
  login,
  nextEvent,
  startApi,
  startWorker,
  unique,
} from '../helpers/test-app';
import { e164, randomMobile } from './helpers';

describe('calls: CTI events (generic and Zammad formats), screen-pop, callbacks, operator status', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let token: string;
  let pbxName: string;
  const auth: Record<string, { authorization: string }> = {};
  const ids: Record<string, string> = {};
  const sockets: TestSocket[] = [];
  const saved = { wrap: process.env.CALLS_WRAP_UP_SECONDS, grace: process.env.CALLS_PRESENCE_GRACE_SECONDS };

  const cti = (body: Record<string, unknown>, t = token) =>
    api.http.post('/api/cti/events').set('x-cti-token', t).send(body);
  let dbQuery: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  const rows = (sql: string, params: unknown[] = []) => dbQuery(sql, params);

  beforeAll(async () => {
    process.env.CALLS_WRAP_UP_SECONDS = '1';
    process.env.CALLS_PRESENCE_GRACE_SECONDS = '1';
    api = await startApi();
    worker = await startWorker(api.config);
    const { DataSource } = await import('typeorm');
    const ds = api.app.get(DataSource);
    dbQuery = (sql, params) => ds.query(sql, params);
    for (const [k, u, p] of [
      ['operator1', 'operator1', undefined],
      ['operator2', 'operator2', undefined],
      ['supervisor', 'supervisor1', undefined],
      ['dispatcher', 'dispatcher.pleiku', undefined],
      ['admin', 'admin', ADMIN_PASSWORD],
    ] as const) {
      const t = await login(api, u, p);
      auth[k] = { authorization: `Bearer ${t.accessToken}` };
      ids[k] = t.user.id;
    }
    pbxName = unique('pbx-');
    const created = await api.http
      .post('/api/cti/tokens')
      .set(auth.admin)
      .send({ name: pbxName, outboundCallerId: '02693888222' });
    expect(created.status).toBe(201);
    token = created.body.token;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await worker?.close();
    await api?.close();
    for (const [k, v] of [
      ['CALLS_WRAP_UP_SECONDS', saved.wrap],
      ['CALLS_PRESENCE_GRACE_SECONDS', saved.grace],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function socketOf(who: string) {
    const tokens = await login(
      api,
      who === 'dispatcher' ? 'dispatcher.pleiku' : who === 'supervisor' ? 'supervisor1' : who,
    );
    const c = await connectSocket(api, tokens.accessToken);
    sockets.push(c.socket);
    return c.socket;
  }

  const callsOf = (externalId: string) =>
    rows('SELECT * FROM calls WHERE pbx = ? AND external_id = ?', [pbxName, externalId]);

  it('refuses a bad or missing token with 401 and writes nothing', async () => {
    const callId = unique('bad-');
    for (const t of ['nope', '']) {
      const res = await cti({ event: 'new_call', call_id: callId, direction: 'inbound', from: '0912345678' }, t);
      expect(res.status).toBe(401);
    }
    expect(
      (await api.http.post('/api/v1/cti/not-a-token').type('form').send({ event: 'newCall', callId, direction: 'in' }))
        .status,
    ).toBe(401);
    // A user's JWT is not a PBX token.
    expect(
      (
        await api.http
          .post('/api/cti/events')
          .set(auth.admin)
          .send({ event: 'new_call', call_id: callId, direction: 'inbound' })
      ).status,
    ).toBe(401);
    expect(await rows('SELECT id FROM calls WHERE external_id = ?', [callId])).toHaveLength(0);
  });

  it('refuses a malformed body with 400 naming the field, and writes nothing', async () => {
    const callId = unique('mal-');
    for (const body of [
      { event: 'ring', call_id: callId, direction: 'inbound' },
      { event: 'new_call', direction: 'inbound' },
      { event: 'new_call', call_id: callId, direction: 'sideways' },
      { event: 'hangup', call_id: callId, direction: 'inbound', cause: 'explosion' },
      { event: 'new_call', call_id: callId, direction: 'inbound', extra: 1 },
    ]) {
      const res = await cti(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const z = await api.http
      .post(`/api/v1/cti/${token}`)
      .type('form')
      .send({ event: 'newCall', callId, direction: 'up' });
    expect(z.status).toBe(400);
    expect(z.body.message).toMatch(/direction/);
    expect(await callsOf(callId)).toHaveLength(0);
  });

  it('new_call → answer → hangup, each sent twice: one call bound to the answering operator; status on_call → wrap_up → available', async () => {
    const callId = unique('seq-');
    const from = randomMobile('097');
    const op1 = await socketOf('operator1');
    // The socket's presence may already make the operator available: wait for the available that follows wrap-up.
    let sawWrapUp = false;
    const gotAvailable = new Promise<void>((resolve) =>
      op1.on('operator:status', (s) => {
        if (s.userId !== ids.operator1) return;
        if (s.status === 'wrap_up') sawWrapUp = true;
        else if (s.status === 'available' && sawWrapUp) resolve();
      }),
    );
    // Start from a known status.
    await api.http.put('/api/operator-status/me').set(auth.operator1).send({ status: 'break' });
    for (const event of ['new_call', 'new_call', 'answer', 'answer', 'hangup', 'hangup']) {
      const res = await cti({
        event,
        call_id: callId,
        direction: 'inbound',
        from,
        to: '02693888222',
        queue: 'hotline',
        extension: event === 'answer' ? '1001' : undefined,
        cause: event === 'hangup' ? 'normalClearing' : undefined,
      });
      expect(res.status).toBe(200);
    }
    const list = await callsOf(callId);
    expect(list).toHaveLength(1);
    const call = list[0];
    expect(call).toMatchObject({
      state: 'ended',
      phone: e164(from),
      operator_id: ids.operator1,
      extension: '1001',
      outcome: null,
      hangup_cause: 'normalClearing',
    });
    expect(new Date(call.answered_at as string).getTime()).toBeGreaterThanOrEqual(
      new Date(call.started_at as string).getTime(),
    );
    expect(new Date(call.ended_at as string).getTime()).toBeGreaterThanOrEqual(
      new Date(call.answered_at as string).getTime(),
    );
    expect(await rows('SELECT id FROM callbacks WHERE source_call_id = ?', [call.id])).toHaveLength(0);

    const status = await api.http.get('/api/operator-status/me').set(auth.operator1);
    expect(['wrap_up', 'available']).toContain(status.body.status);
    await gotAvailable; // the worker's delayed wrap-up job (CALLS_WRAP_UP_SECONDS=1)
    const periods = await rows(
      'SELECT status, duration_seconds FROM operator_status_periods WHERE user_id = ? ORDER BY started_at',
      [ids.operator1],
    );
    expect(periods.map((p) => p.status)).toEqual(expect.arrayContaining(['break', 'on_call', 'wrap_up']));
  });

  it('out of order and unknown call ids: one call, times never go backwards', async () => {
    const callId = unique('ooo-');
    const from = randomMobile('096');
    const t0 = Date.now();
    const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
    // hangup first (an unknown call id: it creates the call), then answer, then the late new_call, then repeats.
    expect(
      (
        await cti({
          event: 'hangup',
          call_id: callId,
          direction: 'inbound',
          from,
          cause: 'normalClearing',
          at: iso(60),
        })
      ).status,
    ).toBe(200);
    expect(
      (await cti({ event: 'answer', call_id: callId, direction: 'inbound', from, extension: '1002', at: iso(10) }))
        .status,
    ).toBe(200);
    expect((await cti({ event: 'new_call', call_id: callId, direction: 'inbound', from, at: iso(0) })).status).toBe(
      200,
    );
    expect(
      (await cti({ event: 'answer', call_id: callId, direction: 'inbound', from, extension: '1002', at: iso(30) }))
        .status,
    ).toBe(200);
    const [call] = await callsOf(callId);
    expect(await callsOf(callId)).toHaveLength(1);
    expect(new Date(call.started_at as string).toISOString()).toBe(iso(0));
    expect(new Date(call.answered_at as string).toISOString()).toBe(iso(10));
    expect(new Date(call.ended_at as string).toISOString()).toBe(iso(60));
    expect(call).toMatchObject({ wait_seconds: 10, talk_seconds: 50, operator_id: ids.operator2, outcome: null });
  });

  it('a missed inbound call makes one callback per number (created once), assigned, attempted, closed with the outbound call', async () => {
    const from = randomMobile('093');
    const a = unique('miss-');
    const b = unique('miss-');
    await cti({ event: 'new_call', call_id: a, direction: 'inbound', from });
    await cti({ event: 'hangup', call_id: a, direction: 'inbound', from, cause: 'cancel' });
    await cti({ event: 'hangup', call_id: a, direction: 'inbound', from, cause: 'cancel' });
    const [first] = await callsOf(a);
    expect(first.outcome).toBe('missed');
    let cbs = await rows('SELECT * FROM callbacks WHERE phone = ?', [e164(from)]);
    expect(cbs).toHaveLength(1);
    expect(cbs[0]).toMatchObject({ state: 'open', missed_count: 1, source_call_id: first.id });
    // Second missed call from the same number (another form): same task, counted.
    await cti({ event: 'new_call', call_id: b, direction: 'inbound', from: `+84 ${from.slice(1)}` });
    await cti({ event: 'hangup', call_id: b, direction: 'inbound', from: `+84 ${from.slice(1)}`, cause: 'noAnswer' });
    cbs = await rows('SELECT * FROM callbacks WHERE phone = ?', [e164(from)]);
    expect(cbs).toHaveLength(1);
    expect(cbs[0].missed_count).toBe(2);

    // Withheld callers cannot be called back.
    const w = unique('anon-');
    await cti({ event: 'new_call', call_id: w, direction: 'inbound', from: 'anonymous' });
    await cti({ event: 'hangup', call_id: w, direction: 'inbound', from: 'anonymous' });
    const [anon] = await callsOf(w);
    expect(anon).toMatchObject({ withheld: 1, phone: null, outcome: 'missed' });
    expect(await rows('SELECT id FROM callbacks WHERE source_call_id = ?', [anon.id])).toHaveLength(0);

    // The operator works it: assign, a failed attempt, then closes it with the outbound call.
    const cbId = cbs[0].id as string;
    expect((await api.http.post(`/api/callbacks/${cbId}/assign`).set(auth.operator2).send({})).body).toMatchObject({
      assigneeId: ids.operator2,
    });
    expect(
      (await api.http.post(`/api/callbacks/${cbId}/attempts`).set(auth.operator2).send({ result: 'no_answer' })).status,
    ).toBe(201);
    const out = await api.http
      .post('/api/calls')
      .set(auth.operator2)
      .send({ direction: 'outbound', channel: 'phone', phone: from, startedAt: new Date().toISOString() });
    expect(out.status).toBe(201);
    const closed = await api.http
      .post(`/api/callbacks/${cbId}/close`)
      .set(auth.operator2)
      .send({ callId: out.body.id });
    expect(closed.body).toMatchObject({ state: 'done', attempts: 1, closedCallId: out.body.id });
    expect(
      (await api.http.post(`/api/callbacks/${cbId}/close`).set(auth.operator2).send({ callId: out.body.id })).status,
    ).toBe(409);
    const backlog = await api.http.get('/api/callbacks/backlog').set(auth.supervisor);
    expect(backlog.body).toMatchObject({ open: expect.any(Number), byAge: expect.any(Object) });
    expect((await api.http.get('/api/callbacks/backlog').set(auth.operator1)).status).toBe(403);
    // A new missed call after closing opens a new task.
    const c = unique('miss-');
    await cti({ event: 'new_call', call_id: c, direction: 'inbound', from });
    await cti({ event: 'hangup', call_id: c, direction: 'inbound', from });
    expect(await rows("SELECT id FROM callbacks WHERE phone = ? AND state = 'open'", [e164(from)])).toHaveLength(1);
  });

  it('screen-pop reaches the answering operator, not a dispatcher; live call events reach supervisors', async () => {
    const [op1, sup, disp] = [await socketOf('operator1'), await socketOf('supervisor'), await socketOf('dispatcher')];
    const dispatcherGot: string[] = [];
    for (const ev of ['call:screen-pop', 'call:updated', 'callback:updated', 'operator:status'] as const)
      disp.on(ev, () => dispatcherGot.push(ev));
    const from = randomMobile('094');
    const citizen = (
      await api.http
        .post('/api/citizens')
        .set(auth.operator1)
        .send({ phone: from, fullName: 'Ksor H’Bia', communeCode: '23575' })
    ).body;
    const callId = unique('pop-');

    const offered = nextEvent(op1, 'call:screen-pop');
    const supSeen = nextEvent(sup, 'call:updated');
    await cti({ event: 'new_call', call_id: callId, direction: 'inbound', from, queue: 'hotline' });
    const pop1 = (await offered) as ScreenPopEvent;
    expect(pop1).toMatchObject({
      event: 'new_call',
      call: { state: 'ringing', phone: e164(from) },
      caller: { citizen: { id: citizen.id, fullName: 'Ksor H’Bia' }, commune: { code: '23575' } },
    });
    expect(((await supSeen) as CallView).id).toBe(pop1.callId);

    const answered = new Promise<ScreenPopEvent>((resolve) =>
      op1.on('call:screen-pop', (p) => p.event === 'answer' && p.callId === pop1.callId && resolve(p)),
    );
    await cti({ event: 'answer', call_id: callId, direction: 'inbound', from, extension: '1001' });
    expect(await answered).toMatchObject({
      event: 'answer',
      call: { operatorId: ids.operator1, state: 'answered' },
      caller: { citizen: { id: citizen.id } },
    });

    // Ordered delivery through Redis: once a later marker reaches the dispatcher, anything sent before would have.
    const marker = nextEvent(disp, 'announcement');
    api.app.get(RealtimeEmitter).to('role:dispatcher', 'announcement', {
      id: 'marker',
      message: 'marker',
      audience: 'role:dispatcher',
      from: { id: 'x', fullName: 'x' },
      sentAt: new Date().toISOString(),
    });
    await marker;
    expect(dispatcherGot).toEqual([]);
    await cti({ event: 'hangup', call_id: callId, direction: 'inbound', from });
  });

  it("Zammad's format: form-encoded, multipart and JSON feed the same logic and answer like Zammad", async () => {
    const from = randomMobile('039');
    const callId = unique('z-');
    const [op1, op2] = [await socketOf('operator1'), await socketOf('operator2')];
    const popFor = (s: TestSocket) =>
      new Promise<ScreenPopEvent>((resolve) =>
        s.on('call:screen-pop', (p) => p.call.externalId === callId && resolve(p)),
      );
    const popped = Promise.all([popFor(op1), popFor(op2)]);
    const form = await api.http
      .post(`/api/v1/cti/${token}`)
      .type('form')
      .send(
        `event=newCall&from=${from}&to=02693888222&direction=in&callId=${callId}&user%5B%5D=1001&user%5B%5D=1002&queue=hotline`,
      );
    expect(form.status).toBe(200);
    expect(form.body).toEqual({});
    // user[]=1001&user[]=1002 parsed as an array: both ringing extensions' operators get the screen-pop.
    expect((await popped).map((p) => p.event)).toEqual(['new_call', 'new_call']);
    const multi = await api.http
      .post(`/api/v1/cti/${token}`)
      .field('event', 'answer')
      .field('direction', 'in')
      .field('callId', callId)
      .field('from', from)
      .field('answeringNumber', '1002')
      .field('user[]', 'Trần Văn Minh');
    expect(multi.status).toBe(200);
    expect(multi.body).toEqual({});
    const json = await api.http
      .post(`/api/v1/cti/${token}`)
      .send({ event: 'hangup', direction: 'in', callId, from, cause: 'normalClearing' });
    expect(json.body).toEqual({});
    const dup = await api.http
      .post(`/api/v1/cti/${token}`)
      .send({ event: 'hangup', direction: 'in', callId, from, cause: 'normalClearing' });
    expect(dup.body).toEqual({});
    const list = await callsOf(callId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ state: 'ended', operator_id: ids.operator2, queue: 'hotline', phone: e164(from) });

    // The live board shows the calls in progress.
    const live = await api.http.get('/api/calls/live').set(auth.supervisor);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ items: expect.any(Array), nextCursor: null });

    // Outbound with outbound caller-id routing configured on this PBX: dial.
    const outId = unique('z-out-');
    const dial = await api.http
      .post(`/api/v1/cti/${token}`)
      .type('form')
      .send({ event: 'newCall', from: '1001', to: from, direction: 'out', callId: outId, 'user[]': 'Nguyễn Thị Lan' });
    expect(dial.body).toEqual({ action: 'dial', caller_id: '02693888222', number: from });
  });

  it('blocked numbers (admin list, any form) get a reject and leave no call', async () => {
    const n = randomMobile('088');
    const blocked = await api.http
      .post('/api/blocked-numbers')
      .set(auth.admin)
      .send({ phone: `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, reason: 'quấy rối' });
    expect(blocked.status).toBe(201);
    expect(blocked.body.phone).toBe(e164(n));
    expect(
      (
        await api.http
          .post('/api/blocked-numbers')
          .set(auth.admin)
          .send({ phone: `+84${n.slice(1)}` })
      ).status,
    ).toBe(409);
    expect((await api.http.post('/api/blocked-numbers').set(auth.supervisor).send({ phone: n })).status).toBe(403);
    const callId = unique('blk-');
    const z = await api.http
      .post(`/api/v1/cti/${token}`)
      .type('form')
      .send({ event: 'newCall', from: `84${n.slice(1)}`, to: '02693888222', direction: 'in', callId });
    expect(z.body).toEqual({ action: 'reject', reason: 'busy' });
    const g = await cti({ event: 'new_call', call_id: callId, direction: 'inbound', from: `+84.${n.slice(1)}` });
    expect(g.body).toMatchObject({ action: 'reject', reason: 'busy' });
    expect(await callsOf(callId)).toHaveLength(0);
    expect((await api.http.delete(`/api/blocked-numbers/${blocked.body.id}`).set(auth.admin)).status).toBe(204);
    expect(
      (
        await api.http
          .post(`/api/v1/cti/${token}`)
          .type('form')
          .send({ event: 'newCall', from: n, direction: 'in', callId })
      ).body,
    ).toEqual({});
  });

  it('a revoked PBX token is refused', async () => {
    const t = await api.http
      .post('/api/cti/tokens')
      .set(auth.admin)
      .send({ name: unique('pbx-') });
    expect(
      (
        await cti(
          { event: 'new_call', call_id: unique('r-'), direction: 'inbound', from: randomMobile() },
          t.body.token,
        )
      ).status,
    ).toBe(200);
    await api.http.post(`/api/cti/tokens/${t.body.id}/revoke`).set(auth.admin).send({}).expect(200);
    expect((await cti({ event: 'new_call', call_id: unique('r-'), direction: 'inbound' }, t.body.token)).status).toBe(
      401,
    );
  });

  it('operators set break/available, not while on a call', async () => {
    const callId = unique('busy-');
    await cti({ event: 'new_call', call_id: callId, direction: 'inbound', from: randomMobile() });
    await cti({ event: 'answer', call_id: callId, direction: 'inbound', extension: '1002' });
    expect((await api.http.get('/api/operator-status/me').set(auth.operator2)).body.status).toBe('on_call');
    const refused = await api.http.put('/api/operator-status/me').set(auth.operator2).send({ status: 'break' });
    expect(refused.status).toBe(409);
    await cti({ event: 'hangup', call_id: callId, direction: 'inbound' });
    const all = await api.http.get('/api/operator-status').set(auth.supervisor);
    const row = all.body.items.find((s: { userId: string }) => s.userId === ids.operator2);
    expect(row?.status).toMatch(/wrap_up|available/);
    // The supervisor's board says who it is (names come from the identity context).
    expect(row).toMatchObject({ fullName: expect.any(String), extension: '1002' });
    expect(row.fullName.length).toBeGreaterThan(0);
    expect((await api.http.get('/api/operator-status').set(auth.operator1)).status).toBe(403);
  });

  it('presence: the last socket gone → offline after the grace period (worker timer); back → available; a quick return cancels it', async () => {
    const presence = api.app.get(OperatorPresenceService);
    const sup = await socketOf('supervisor');
    const offline = new Promise<void>((resolve) =>
      sup.on('operator:status', (s) => s.userId === ids.operator1 && s.status === 'offline' && resolve()),
    );
    await api.http.put('/api/operator-status/me').set(auth.operator1).send({ status: 'available' });
    await presence.lost(ids.operator1);
    await offline;
    expect((await api.http.get('/api/operator-status/me').set(auth.operator1)).body.status).toBe('offline');
    await presence.online(ids.operator1);
    expect((await api.http.get('/api/operator-status/me').set(auth.operator1)).body.status).toBe('available');
    // Lost then back within the grace period: the stale timer does nothing.
    await presence.lost(ids.operator1);
    await presence.online(ids.operator1);
    const [{ disconnected_at }] = await rows('SELECT disconnected_at FROM operator_states WHERE user_id = ?', [
      ids.operator1,
    ]);
    expect(disconnected_at).toBeNull();
    expect(await presence.expired(ids.operator1, Date.now())).toBe(false);
    expect((await api.http.get('/api/operator-status/me').set(auth.operator1)).body.status).toBe('available');
  });

  it('status history gives periods with durations and totals (supervisors)', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await api.http
      .get('/api/operator-status/history')
      .query({ from, to, userId: ids.operator1 })
      .set(auth.supervisor);
    expect(res.status).toBe(200);
    expect(res.body.periods.length).toBeGreaterThan(0);
    expect(res.body.totals[ids.operator1]).toEqual(expect.objectContaining({ on_call: expect.any(Number) }));
    expect((await api.http.get('/api/operator-status/history').query({ from, to }).set(auth.operator1)).status).toBe(
      403,
    );
  });
});
