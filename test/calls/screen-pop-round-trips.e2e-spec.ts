import { CallerLookupService } from '@hotline/calls';
import type { CallerLookupView } from '@hotline/contracts';
import { DataSource } from 'typeorm';
import { roundTrips } from '../helpers/round-trips';
import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from '../helpers/test-app';
import { e164, randomMobile } from './helpers';

/**
 * The hot paths' round trips, pinned: a screen-pop is one multi-statement query for an unknown number (two rounds for a
 * known citizen: the requests section is a query of the dispatch context's own), a CTI event two (its transaction's
 * first statements, then its writes with the COMMIT); and the screen-pop of a citizen with several numbers counts the
 * calls of all of them.
 */
describe('calls: the round trips of the screen-pop and of a CTI event', () => {
  let api: TestApi;
  let ds: DataSource;
  let lookup: CallerLookupService;
  let op: { authorization: string };
  let token: string;

  /**
   * The statements of the path itself: not the session check, the PBX token, a cache's reload (the blocked numbers), nor
   * the outbox relay's housekeeping.
   */
  const own = (sent: string[]) =>
    sent.filter(
      (s) => !/pbx_tokens|FROM `?users|sessions|blocked_numbers|outbox WHERE available_at|DELETE FROM outbox/.test(s),
    );

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    lookup = api.app.get(CallerLookupService);
    op = { authorization: `Bearer ${(await login(api, 'operator1')).accessToken}` };
    const admin = { authorization: `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}` };
    const created = await api.http
      .post('/api/cti/tokens')
      .set(admin)
      .send({ name: unique('pbx-') });
    expect(created.status).toBe(201);
    token = created.body.token;
  });
  afterAll(() => api.close());

  const logCall = async (phone: string, minutesAgo: number) => {
    const startedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const res = await api.http
      .post('/api/calls')
      .set(op)
      .send({ direction: 'inbound', channel: 'phone', phone, startedAt });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('reads an unknown number in one round trip', async () => {
    const phone = e164(randomMobile('093'));
    let view: CallerLookupView | undefined;
    const sent = own(await roundTrips(ds, async () => (view = await lookup.byE164(phone))));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(
      /FROM citizen_phones k JOIN citizens[\s\S]*FROM calls[\s\S]*FROM callbacks[\s\S]*FROM tickets/,
    );
    expect(view).toMatchObject({ phone, citizen: null, lastCalls: [], callCount: 0, openCallbackId: null });
  });

  it("shows a citizen with several numbers: the calls of all of them, newest first, and the citizen's tickets", async () => {
    const first = randomMobile('094');
    const second = randomMobile('094');
    const citizen = (await api.http.post('/api/citizens').set(op).send({ phone: first, fullName: 'Nguyễn Văn Hai' }))
      .body;
    expect((await api.http.post(`/api/citizens/${citizen.id}/phones`).set(op).send({ phone: second })).status).toBe(
      201,
    );
    const older = await logCall(first, 30);
    const newer = await logCall(second, 10);
    const ticket = await api.http.post('/api/tickets').set(op).send({
      kind: 'question',
      channel: 'phone',
      phone: second,
      subject: 'Hỏi lịch tiếp công dân',
      content: 'Thứ mấy?',
    });
    expect(ticket.status).toBe(201);

    for (const asked of [first, second]) {
      const res = await api.http.get('/api/citizens/lookup').query({ phone: asked }).set(op);
      expect(res.status).toBe(200);
      expect(res.body.citizen).toMatchObject({
        id: citizen.id,
        phones: [
          { phone: e164(first), isPrimary: true },
          { phone: e164(second), isPrimary: false },
        ],
      });
      expect(res.body.lastCalls.map((c: { id: string }) => c.id)).toEqual([newer, older]);
      expect(res.body.callCount).toBe(2);
      expect(res.body.history.tickets).toMatchObject({ open: 1, total: 1, latest: { id: ticket.body.id } });
    }
    // The first round (with both sections: tickets and requests give their statements), then the calls of both numbers.
    const sent = own(await roundTrips(ds, () => lookup.byE164(e164(first))));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/FROM bcci_requests r WHERE r.citizen_id = \(SELECT citizen_id FROM citizen_phones/);
  });

  it('records a CTI event in two round trips, the citizen of the number read inside the first', async () => {
    const national = randomMobile('096');
    const citizen = (await api.http.post('/api/citizens').set(op).send({ phone: national })).body;
    const callId = unique('rt-');
    const send = (event: string) =>
      api.http
        .post('/api/cti/events')
        .set('x-cti-token', token)
        .send({ event, call_id: callId, direction: 'inbound', from: national, to: '02693888222' });
    for (const event of ['new_call', 'answer', 'hangup']) {
      const sent = own(await roundTrips(ds, async () => expect((await send(event)).status).toBe(200)));
      // The new call's screen-pop (a lookup, after the answer) may or may not have gone out yet: not the event's.
      const event_ = sent.filter((s) => !/citizen_phones k JOIN|bcci_requests/.test(s));
      expect(event_).toHaveLength(2);
      expect(event_[0]).toMatch(/^START TRANSACTION;\nINSERT INTO `calls`[\s\S]*FOR UPDATE;\nSELECT `citizen_id`/);
      expect(event_[1]).toMatch(/INSERT INTO audit_log[\s\S]*INSERT INTO outbox[\s\S]*;\nCOMMIT$/);
    }
    const [row] = await ds.query('SELECT state, citizen_id, version FROM calls WHERE external_id = ?', [callId]);
    expect(row).toEqual({ state: 'ended', citizen_id: citizen.id, version: 3 });
  });
});
