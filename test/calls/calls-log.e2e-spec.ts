import type { CallView } from '@hotline/contracts';
import { ADMIN_PASSWORD, type TestApi, login, startApi } from '../helpers/test-app';
import { e164, randomMobile } from './helpers';

const TOPIC_BCCI = '019a0000-0000-7000-8000-000000000002';
const TOPIC_DVCTT = '019a0000-0000-7000-8000-000000000001';

describe('calls: the call log (hand-logged calls, topics, filters, cursor pagination)', () => {
  let api: TestApi;
  const auth: Record<string, { authorization: string }> = {};
  const ids: Record<string, string> = {};
  // A private time window (far in the past) so other tests' calls never mix into these lists.
  const dayStart = Date.UTC(2025, 0, 1) + Math.floor(Math.random() * 300) * 86400_000;
  const at = (min: number) => new Date(dayStart + min * 60_000).toISOString();

  beforeAll(async () => {
    api = await startApi();
    for (const [k, u, p] of [
      ['operator1', 'operator1', undefined],
      ['operator2', 'operator2', undefined],
      ['supervisor', 'supervisor1', undefined],
      ['dispatcher', 'dispatcher.quynhon', undefined],
      ['admin', 'admin', ADMIN_PASSWORD],
    ] as const) {
      const t = await login(api, u, p);
      auth[k] = { authorization: `Bearer ${t.accessToken}` };
      ids[k] = t.user.id;
    }
  });
  afterAll(() => api.close());

  it('has the seeded topics; admins manage them', async () => {
    const topics = await api.http.get('/api/call-topics').set(auth.operator1);
    expect(topics.body.nextCursor).toBeNull();
    expect(topics.body.items.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Hướng dẫn DVCTT/),
        expect.stringMatching(/^BCCI/),
        expect.stringMatching(/^Phản ánh/),
        'Tra cứu hồ sơ',
      ]),
    );
    const code = `t${Date.now() % 1_000_000}`;
    const created = await api.http.post('/api/call-topics').set(auth.admin).send({ code, name: 'Đất đai' });
    expect(created.status).toBe(201);
    expect((await api.http.post('/api/call-topics').set(auth.admin).send({ code, name: 'Trùng' })).status).toBe(409);
    expect(
      (await api.http.post('/api/call-topics').set(auth.operator1).send({ code: 'x1', name: 'Không được' })).status,
    ).toBe(403);
    await api.http.patch(`/api/call-topics/${created.body.id}`).set(auth.admin).send({ active: false }).expect(200);
    const bad = await api.http
      .post('/api/calls')
      .set(auth.operator1)
      .send({ direction: 'inbound', channel: 'walk_in', startedAt: at(1), topicId: created.body.id });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/topicId/);
  });

  it('logs contacts by hand with derived seconds; validates the times and the phone', async () => {
    const phone = randomMobile('085');
    const res = await api.http
      .post('/api/calls')
      .set(auth.operator1)
      .send({
        direction: 'inbound',
        channel: 'phone',
        phone,
        startedAt: at(10),
        answeredAt: at(10.5),
        endedAt: at(14),
        topicId: TOPIC_DVCTT,
        outcome: 'guided',
        notes: 'Hướng dẫn nộp hồ sơ mức độ 4',
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      operatorId: ids.operator1,
      phone: e164(phone),
      waitSeconds: 30,
      talkSeconds: 210,
      state: 'ended',
      outcome: 'guided',
      channel: 'phone',
    });
    expect(
      (
        await api.http
          .post('/api/calls')
          .set(auth.operator1)
          .send({ direction: 'inbound', channel: 'phone', startedAt: at(10) })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http
          .post('/api/calls')
          .set(auth.operator1)
          .send({ direction: 'inbound', channel: 'phone', phone: '0123', startedAt: at(10) })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http
          .post('/api/calls')
          .set(auth.operator1)
          .send({ direction: 'inbound', channel: 'fax', phone, startedAt: at(10) })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http
          .post('/api/calls')
          .set(auth.operator1)
          .send({ direction: 'inbound', channel: 'phone', phone, startedAt: at(10), endedAt: at(9) })
      ).status,
    ).toBe(400);
    const withheld = await api.http
      .post('/api/calls')
      .set(auth.operator1)
      .send({ direction: 'inbound', channel: 'phone', phone: 'private', startedAt: at(11) });
    expect(withheld.body).toMatchObject({ withheld: true, phone: null });
    const email = await api.http
      .post('/api/calls')
      .set(auth.operator2)
      .send({ direction: 'inbound', channel: 'email', startedAt: at(12), topicId: TOPIC_BCCI });
    expect(email.status).toBe(201);
    expect(
      (
        await api.http
          .post('/api/calls')
          .set(auth.dispatcher)
          .send({ direction: 'inbound', channel: 'email', startedAt: at(12) })
      ).status,
    ).toBe(403);
  });

  it('operators update their own calls only (optimistic version); supervisors any', async () => {
    const own = (
      await api.http
        .post('/api/calls')
        .set(auth.operator1)
        .send({ direction: 'inbound', channel: 'zalo', phone: randomMobile(), startedAt: at(20) })
    ).body as CallView;
    const reqId = '019a1111-0000-7000-8000-000000000001';
    const upd = await api.http
      .patch(`/api/calls/${own.id}`)
      .set(auth.operator1)
      .send({ outcome: 'request_created', requestId: reqId, topicId: TOPIC_BCCI, version: own.version });
    expect(upd.body).toMatchObject({
      outcome: 'request_created',
      requestId: reqId,
      topicId: TOPIC_BCCI,
      version: own.version + 1,
    });
    expect(
      (await api.http.patch(`/api/calls/${own.id}`).set(auth.operator1).send({ notes: 'cũ', version: own.version }))
        .status,
    ).toBe(409);
    expect(
      (await api.http.patch(`/api/calls/${own.id}`).set(auth.operator2).send({ notes: 'không phải của tôi' })).status,
    ).toBe(403);
    expect(
      (await api.http.patch(`/api/calls/${own.id}`).set(auth.supervisor).send({ notes: 'giám sát ghi chú' })).body
        .notes,
    ).toBe('giám sát ghi chú');
    expect((await api.http.get(`/api/calls/${own.id}`).set(auth.operator2)).status).toBe(403);
    expect((await api.http.get(`/api/calls/${own.id}`).set(auth.supervisor)).status).toBe(200);
  });

  it('lists with filters and a stable cursor: every call exactly once, newest first', async () => {
    const phone = randomMobile('083');
    const made: CallView[] = [];
    // 25 calls, several sharing the same start instant (the id breaks the tie), two operators, two outcomes.
    for (let i = 0; i < 25; i++) {
      const who = i % 2 ? auth.operator2 : auth.operator1;
      const res = await api.http
        .post('/api/calls')
        .set(who)
        .send({
          direction: 'inbound',
          channel: 'phone',
          phone: i % 3 ? randomMobile() : phone,
          startedAt: at(100 + Math.floor(i / 3)),
          outcome: i % 4 ? 'guided' : 'transferred',
          topicId: i % 5 ? TOPIC_DVCTT : TOPIC_BCCI,
        });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const window2 = { from: at(100), to: at(200) };
    const pages: CallView[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: CallView[]; nextCursor: string | null } } = await api.http
        .get('/api/calls')
        .query({ ...window2, limit: 7, ...(cursor ? { cursor } : {}) })
        .set(auth.supervisor);
      expect(res.status).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    const seen = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    expect(seen.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
    const sorted = [...seen].sort((a, b) =>
      a.startedAt === b.startedAt ? (a.id < b.id ? 1 : -1) : a.startedAt < b.startedAt ? 1 : -1,
    );
    expect(seen.map((c) => c.id)).toEqual(sorted.map((c) => c.id));

    const q = (query: Record<string, string>, who = auth.supervisor) =>
      api.http
        .get('/api/calls')
        .query({ ...window2, limit: 200, ...query })
        .set(who);
    expect((await q({ operatorId: ids.operator2 })).body.items).toHaveLength(
      made.filter((c) => c.operatorId === ids.operator2).length,
    );
    expect((await q({ outcome: 'transferred' })).body.items).toHaveLength(
      made.filter((c) => c.outcome === 'transferred').length,
    );
    expect((await q({ topicId: TOPIC_BCCI })).body.items).toHaveLength(
      made.filter((c) => c.topicId === TOPIC_BCCI).length,
    );
    const byPhone = await q({ phone: `+84 ${phone.slice(1)}` });
    expect(byPhone.body.items).toHaveLength(made.filter((c) => c.phone === e164(phone)).length);
    expect(byPhone.body.items.length).toBeGreaterThan(0);
    expect((await q({ from: at(104), to: at(106) })).body.items).toHaveLength(
      made.filter((c) => c.startedAt >= at(104) && c.startedAt < at(106)).length,
    );
    expect((await q({ phone: 'abc' })).status).toBe(400);
    expect((await q({ cursor: 'garbage' })).status).toBe(400);

    // Operators see their own calls only.
    const mine = await q({}, auth.operator1);
    expect(mine.body.items.every((c: CallView) => c.operatorId === ids.operator1)).toBe(true);
    expect(mine.body.items).toHaveLength(made.filter((c) => c.operatorId === ids.operator1).length);
    expect((await q({ operatorId: ids.operator2 }, auth.operator1)).status).toBe(403);
    expect((await q({}, auth.dispatcher)).status).toBe(403);
  });

  it('the lookup shows the last calls and the count for the number', async () => {
    const phone = randomMobile('082');
    for (let i = 0; i < 7; i++)
      await api.http
        .post('/api/calls')
        .set(auth.operator1)
        .send({ direction: 'inbound', channel: 'phone', phone, startedAt: at(300 + i) })
        .expect(201);
    const res = await api.http.get('/api/citizens/lookup').query({ phone }).set(auth.operator2);
    expect(res.body.callCount).toBe(7);
    expect(res.body.lastCalls).toHaveLength(5);
    expect(res.body.lastCalls[0].startedAt).toBe(at(306));
  });
});
