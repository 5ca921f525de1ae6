import { type BcciRequestView, type LegEvent, type LegView, vnLocalDate } from '@hotline/contracts';
import { Clock, JobQueue, ReconcilerService } from '@hotline/core';
import { DispatchCalendar, NORMAL_PRIORITY, REMOTE_PRIORITY, routeJobId } from '@hotline/dispatch';
import { type DispatchWorld, countRows, dispatchWorld, requestBody, waitFor } from './dispatch-fixtures';

jest.setTimeout(60_000);

describe('BCCI dispatch end to end (real api + worker, MariaDB, Redis)', () => {
  let w: DispatchWorld;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  const assigned: LegEvent[] = [];
  beforeAll(async () => {
    w = await dispatchWorld({ communeIndex: 40 });
    for (const o of w.offices) o.socket.on('dispatch:leg-assigned', (p) => assigned.push(p));
  });
  afterAll(() => w?.close());

  async function create(extra: Record<string, unknown> = {}): Promise<BcciRequestView> {
    const res = await w.api.http.post('/api/bcci-requests').set(auth(w.operator.token)).send(requestBody(w, extra));
    expect(res.status).toBe(201);
    return res.body as BcciRequestView;
  }

  /** Creates a request and waits for office `i` to be offered its (first) leg (events are recorded from connection on). */
  async function createAndOffer(
    i = 0,
    extra: Record<string, unknown> = {},
  ): Promise<{ request: BcciRequestView; legId: string }> {
    const request = await create(extra);
    const legId = request.legs[0].id;
    await offeredTo(i, legId);
    return { request, legId };
  }

  function offeredTo(i: number, legId: string): Promise<LegEvent> {
    const officeId = w.offices[i].id;
    const seen = assigned.find((p) => p.legId === legId && p.officeId === officeId);
    if (seen) return Promise.resolve(seen);
    return waitFor(w.offices[i].socket, 'dispatch:leg-assigned', (p) => p.legId === legId && p.officeId === officeId);
  }

  it('due dates follow the admin-editable working calendar: a day off added on the due day moves J+n by one working day', async () => {
    const admin = auth(w.admin);
    const first = await create();
    const due = new Date(first.legs[0].dueAt);
    const dueLocal = vnLocalDate(due);
    const calendars = (await w.api.http.get('/api/sla/calendars').set(admin)).body.items as Array<{
      id: string;
      isDefault: boolean;
    }>;
    const calendarId = calendars.find((c) => c.isDefault)!.id;
    const added = await w.api.http
      .post(`/api/sla/calendars/${calendarId}/exceptions`)
      .set(admin)
      .send({ date: dueLocal, kind: 'day_off', name: 'Nghỉ đột xuất (kiểm thử)' });
    expect(added.status).toBe(201);
    try {
      await w.api.app.get(DispatchCalendar).refresh(); // otherwise within 30 s
      const second = await create();
      const moved = new Date(second.legs[0].dueAt);
      expect(vnLocalDate(moved) > dueLocal).toBe(true);
    } finally {
      await w.api.http
        .delete(`/api/sla/calendars/${calendarId}/exceptions/${added.body.id}`)
        .set(admin)
        .expect((r) => expect([200, 204]).toContain(r.status));
      await w.api.app.get(DispatchCalendar).refresh();
    }
  });

  it('failed attempts: the item goes back to the agency only after two invitations 2 working days apart (Circular 17/2017)', async () => {
    const { legId } = await createAndOffer(0);
    const d = auth(w.offices[0].dispatcher.token);
    await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(d).expect(200);
    await w.api.http
      .post(`/api/bcci-legs/${legId}/courier`)
      .set(d)
      .send({ courierName: "Bưu tá Ksor H'Luyn" })
      .expect(200);
    expect((await w.api.http.post(`/api/bcci-legs/${legId}/fail`).set(d).send({})).status).toBe(400);
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/fail`).set(d).send({ reason: 'Không có người nhận' })).body,
    ).toMatchObject({ state: 'failed_attempt', failedAttempts: 1 });
    const tooSoon = await w.api.http
      .post(`/api/bcci-legs/${legId}/return-to-agency`)
      .set(d)
      .send({ reason: 'Hết hạn lưu' });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.message).toMatch(/at least 2 times/);
    await w.api.http.post(`/api/bcci-legs/${legId}/fail`).set(d).send({ reason: 'Vẫn vắng nhà' }).expect(200);
    const sameWeek = await w.api.http
      .post(`/api/bcci-legs/${legId}/return-to-agency`)
      .set(d)
      .send({ reason: 'Hết hạn lưu' });
    expect(sameWeek.status).toBe(409);
    expect(sameWeek.body.message).toMatch(/2 working days apart/);

    // Two weeks later (the api's clock; even across Tết two weeks hold 2 working days) the citizen is invited again.
    const clock = w.api.app.get(Clock);
    clock.travel(14 * 86400_000);
    try {
      await w.api.http
        .post(`/api/bcci-legs/${legId}/fail`)
        .set(d)
        .send({ reason: 'Lần mời thứ ba, không liên lạc được' })
        .expect(200);
      const back = await w.api.http
        .post(`/api/bcci-legs/${legId}/return-to-agency`)
        .set(d)
        .send({ reason: 'Đã mời 3 lần' });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ state: 'returned_to_agency', failedAttempts: 3 });
    } finally {
      clock.travel(-14 * 86400_000);
    }
  });

  it('request → routing job → nearest office offered live → accept → courier → pickup (checklist) → delivered', async () => {
    const operatorSees = waitFor(w.operator.socket, 'dispatch:leg-assigned', (p) => p.officeId === w.offices[0].id);
    const { request, legId } = await createAndOffer(0);
    expect(request.code).toMatch(/^BC-\d{6}-\d{6}$/);
    expect(request.legs).toHaveLength(1);
    expect(request.legs[0]).toMatchObject({
      kind: 'pickup',
      state: 'routing',
      feeExpected: 50000,
      basePostage: 25000,
      postage: 25000,
      discount: 0,
    });
    expect((await operatorSees).legId).toBe(legId);

    const d = w.offices[0].dispatcher.token;
    const accepted = await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(d));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', officeId: w.offices[0].id });
    // The office sees whom to call and what to check the documents against.
    expect(accepted.body.request).toMatchObject({
      dossierCode: expect.stringMatching(/^HS-/),
      procedureName: 'Đăng ký thế chấp quyền sử dụng đất',
      contactName: 'Nguyễn Văn A',
      citizenPhone: expect.stringMatching(/^\+84912/),
    });
    const listed = await w.api.http.get('/api/bcci-legs').set(auth(d));
    expect(listed.body.items.find((l: { id: string }) => l.id === legId).request.citizenPhone).toBe(
      accepted.body.request.citizenPhone,
    );

    expect(
      (
        await w.api.http
          .post(`/api/bcci-legs/${legId}/pickup`)
          .set(auth(d))
          .send({ checklist: { missingDocuments: [], slipSignedByBoth: true, sealedInFrontOfCitizen: true } })
      ).status,
    ).toBe(409);
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/courier`).set(auth(d)).send({ courierName: 'Bưu tá Y Nhi' })).body
        .state,
    ).toBe('courier_assigned');

    const noReceipt = await w.api.http
      .post(`/api/bcci-legs/${legId}/pickup`)
      .set(auth(d))
      .send({
        checklist: { missingDocuments: [], slipSignedByBoth: true, sealedInFrontOfCitizen: true },
        feeCollected: 50000,
      });
    expect(noReceipt.status).toBe(400);
    expect(noReceipt.body.message).toMatch(/feeReceiptNumber/);

    const picked = await w.api.http
      .post(`/api/bcci-legs/${legId}/pickup`)
      .set(auth(d))
      .send({
        checklist: {
          missingDocuments: ['Bản sao CCCD'],
          slipSignedByBoth: true,
          sealedInFrontOfCitizen: true,
          feeReceiptNumber: 'BL-0001',
        },
        feeCollected: 50000,
      });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({
      state: 'picked_up',
      feeCollected: 50000,
      pickupChecklist: { missingDocuments: ['Bản sao CCCD'], feeReceiptNumber: 'BL-0001' },
    });

    const officeSees = waitFor(
      w.offices[0].socket,
      'dispatch:leg-updated',
      (p) => p.legId === legId && p.to === 'delivered',
    );
    const delivered = await w.api.http
      .post(`/api/bcci-legs/${legId}/deliver`)
      .set(auth(d))
      .send({ recipientName: 'Cán bộ một cửa', relation: 'cơ quan tiếp nhận' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.proofOfDelivery).toMatchObject({ recipientName: 'Cán bộ một cửa' });
    await officeSees;

    const [history] = (await w.db.query(
      "SELECT from_state, to_state FROM audit_log WHERE entity_type = 'bcci_leg' AND entity_id = ? ORDER BY at, id",
      [legId],
    )) as unknown as [Array<{ from_state: string | null; to_state: string }>];
    expect(history.map((h) => h.to_state)).toEqual([
      'routing',
      'assigned',
      'accepted',
      'courier_assigned',
      'picked_up',
      'delivered',
    ]);

    // Fees: collected, not remitted → in the report; remitted → gone.
    const report = await w.api.http.get('/api/bcci-remittances/unremitted').set(auth(d));
    expect(report.body).toEqual([{ officeId: w.offices[0].id, legs: 1, amount: 50000 }]);
    const remit = await w.api.http
      .post('/api/bcci-remittances')
      .set(auth(d))
      .send({ reference: 'UNC-001', remittedOn: '2026-01-29', legIds: [legId] });
    expect(remit.status).toBe(201);
    expect(remit.body.amount).toBe(50000);
    expect((await w.api.http.get('/api/bcci-remittances/unremitted').set(auth(d))).body).toEqual([]);
    // The leg says by which batch its fee was remitted.
    expect((await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(d))).body.remittance).toEqual({
      id: remit.body.id,
      reference: 'UNC-001',
      remittedOn: '2026-01-29',
    });

    // The citizen's lookup: status and dates only.
    const pub = await w.api.http
      .get(`/api/public/requests/${request.code}`)
      .query({ phone: request.citizenPhone.replace('+84', '0') });
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({
      code: request.code,
      option: 'send_dossier',
      createdAt: request.createdAt,
      legs: [expect.objectContaining({ kind: 'pickup', state: 'delivered' })],
    });
    expect(JSON.stringify(pub.body)).not.toMatch(/Nguyễn|Trần Phú|citizen/);
    expect((await w.api.http.get(`/api/public/requests/${request.code}`).query({ phone: '0987654321' })).status).toBe(
      404,
    );
  });

  it('reject (reason required) → the next nearest office is offered the leg', async () => {
    const { legId } = await createAndOffer(0);
    const d0 = w.offices[0].dispatcher.token;
    const noReason = await w.api.http.post(`/api/bcci-legs/${legId}/reject`).set(auth(d0)).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);
    const next = waitFor(w.offices[1].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/reject`).set(auth(d0)).send({ reason: 'Hết bưu tá hôm nay' }))
        .status,
    ).toBe(200);
    expect(await next).toMatchObject({ legId, officeId: w.offices[1].id, to: 'assigned' });
    // The office that rejected cannot act on it any more.
    expect((await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(d0))).status).toBe(404);
  });

  it('all offices exhausted → unroutable + supervisor escalation → manual assignment by a supervisor', async () => {
    const { legId } = await createAndOffer(0);
    for (let i = 0; i < w.offices.length; i++) {
      const nextOffer =
        i + 1 < w.offices.length
          ? waitFor(w.offices[i + 1].socket, 'dispatch:leg-assigned', (p) => p.legId === legId)
          : null;
      const escalated =
        i + 1 === w.offices.length
          ? waitFor(w.supervisor.socket, 'dispatch:escalated', (p) => p.legId === legId)
          : null;
      const res = await w.api.http
        .post(`/api/bcci-legs/${legId}/reject`)
        .set(auth(w.offices[i].dispatcher.token))
        .send({ reason: `office ${i} cannot` });
      expect(res.status).toBe(200);
      if (nextOffer) await nextOffer;
      if (escalated) expect(await escalated).toMatchObject({ legId, to: 'unroutable' });
    }
    const leg = await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(w.supervisor.token));
    expect(leg.body.state).toBe('unroutable');
    expect(leg.body.assignments.map((a: { state: string }) => a.state)).toEqual(['rejected', 'rejected', 'rejected']);

    const offered = waitFor(w.offices[2].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    const manual = await w.api.http
      .post(`/api/bcci-legs/${legId}/assign`)
      .set(auth(w.supervisor.token))
      .send({ officeId: w.offices[2].id });
    expect(manual.status).toBe(200);
    expect(manual.body).toMatchObject({ state: 'assigned', officeId: w.offices[2].id });
    await offered;
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(w.offices[2].dispatcher.token))).body.state,
    ).toBe('accepted');
  });

  it('two dispatchers of the office accept at once: exactly one 200, the other 409', async () => {
    const { legId } = await createAndOffer(0);
    // A second dispatcher of office A.
    const username = `disp.a2.${Date.now()}`;
    const created = await w.api.http.post('/api/users').set(auth(w.admin)).send({
      username,
      fullName: 'Second dispatcher',
      password: 'Demo@0269',
      role: 'dispatcher',
      postOfficeId: w.offices[0].id,
    });
    expect(created.status).toBe(201);
    const token2 = (await w.api.http.post('/api/auth/login').send({ username, password: 'Demo@0269' })).body
      .accessToken as string;
    const [a, b] = await Promise.all([
      w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(w.offices[0].dispatcher.token)),
      w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(token2)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [rows] = (await w.db.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'bcci_leg' AND entity_id = ? AND to_state = 'accepted'",
      [legId],
    )) as unknown as [Array<{ n: number }>];
    expect(Number(rows[0].n)).toBe(1);
  });

  it('dispatchers see and change only their own office legs (404 elsewhere), by REST and by socket room', async () => {
    const other = w.offices[1];
    let leaked = false;
    const spy = (p: { legId: string }) => {
      if (p.legId === legIdRef.id) leaked = true;
    };
    const legIdRef = { id: '' };
    other.socket.on('dispatch:leg-assigned', spy as never);
    const { legId } = await createAndOffer(0);
    legIdRef.id = legId;
    const t = other.dispatcher.token;
    expect((await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(t))).status).toBe(404);
    expect((await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(t))).status).toBe(404);
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/reject`).set(auth(t)).send({ reason: 'not mine' })).status,
    ).toBe(404);
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/courier`).set(auth(t)).send({ courierName: 'X Y' })).status,
    ).toBe(404);
    const list = (await w.api.http.get('/api/bcci-legs').set(auth(t))).body.items as LegView[];
    expect(list.every((l) => l.officeId === other.id)).toBe(true);
    expect(
      (await w.api.http.get('/api/bcci-legs').set(auth(w.offices[0].dispatcher.token))).body.items.map(
        (l: LegView) => l.id,
      ),
    ).toContain(legId);
    // An operator is not a dispatcher.
    expect((await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(w.operator.token))).status).toBe(403);
    other.socket.off('dispatch:leg-assigned', spy as never);
    expect(leaked).toBe(false);
  });

  it('the return leg of a letter-promotion dossier is priced at today’s rate (window closed) and frozen on the request', async () => {
    const quote = await w.api.http
      .post('/api/bcci-requests/quote')
      .set(auth(w.operator.token))
      .send({ option: 'both', serviceLevel: '4', field: 'Hộ tịch', routeType: 'intra_area' });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ totalPostage: 40000, totalDiscount: 0 });
    // Today is outside 23/3–30/5/2020: an admin's rule with an open window applies and is frozen at creation.
    const promo = await w.api.http
      .post('/api/bcci-promotions')
      .set(auth(w.admin))
      .send({
        name: 'Test 50% return',
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
        percent: 50,
        legKinds: ['return'],
        serviceLevels: ['4'],
      });
    expect(promo.status).toBe(201);
    const request = await create({ option: 'both', serviceLevel: '4', field: 'Hộ tịch', routeType: 'intra_area' });
    const ret = request.legs.find((l) => l.kind === 'return')!;
    expect(ret).toMatchObject({ basePostage: 20000, discount: 10000, postage: 10000, promotionId: promo.body.id });
    expect(request.totalPostage).toBe(30000);
    await w.api.http.patch(`/api/bcci-promotions/${promo.body.id}`).set(auth(w.admin)).send({ active: false });
    const again = await w.api.http.get(`/api/bcci-requests/${request.id}`).set(auth(w.operator.token));
    expect(again.body.legs.find((l: LegView) => l.kind === 'return')).toMatchObject({
      discount: 10000,
      postage: 10000,
    });
    // The letter's seeded rule is there, with its window.
    const promos = (await w.api.http.get('/api/bcci-promotions').set(auth(w.operator.token))).body.items as Array<{
      startsOn: string;
      endsOn: string;
      percent: number;
    }>;
    expect(promos).toEqual(
      expect.arrayContaining([expect.objectContaining({ startsOn: '2020-03-23', endsOn: '2020-05-30', percent: 30 })]),
    );
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['unknown commune', { pickupAddress: { detail: 'x y', communeCode: '99999' } }, /pickupAddress\.communeCode/],
    ['negative fee', { feeOnBehalf: -1 }, /feeOnBehalf/],
    ['fractional fee', { feeOnBehalf: 10.5 }, /feeOnBehalf/],
    [
      'window in the past',
      { windowFrom: '2020-01-01T08:00:00+07:00', windowTo: '2020-01-01T10:00:00+07:00' },
      /windowTo/,
    ],
    [
      'window ending before it starts',
      { windowFrom: '2099-01-02T08:00:00+07:00', windowTo: '2099-01-01T10:00:00+07:00' },
      /windowTo/,
    ],
    ['bad service level', { serviceLevel: '5' }, /serviceLevel/],
    ['bad option', { option: 'teleport' }, /option/],
    ['bad phone', { phone: '12345' }, /phone/],
    ['missing pickup address', { pickupAddress: undefined }, /pickupAddress/],
    ['unknown field', { colour: 'red' }, /colour/],
    ['lat without lng', { pickupAddress: { detail: 'x y', communeCode: '23575', lat: 13.9 } }, /lat/],
    ['no tariff for the route', { routeType: 'moon' }, /routeType/],
  ])('bad input (%s) → 400 naming the field, nothing written', async (_name, extra, field) => {
    const before = await countRows(w);
    const res = await w.api.http.post('/api/bcci-requests').set(auth(w.operator.token)).send(requestBody(w, extra));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(field);
    expect(await countRows(w)).toEqual(before);
  });

  it('bad inputs on the other endpoints → 400', async () => {
    const legId = '01a2296b-0000-7000-8000-000000000000';
    const d = w.offices[0].dispatcher.token;
    const cases: Array<[string, string, string, Record<string, unknown>]> = [
      ['post', '/api/bcci-requests/quote', w.operator.token, { option: 'both', serviceLevel: '9', field: 'x y' }],
      ['post', `/api/bcci-legs/${legId}/reject`, d, { reason: '' }],
      ['post', '/api/bcci-legs/not-a-uuid/accept', d, {}],
      ['post', `/api/bcci-legs/${legId}/assign`, w.supervisor.token, { officeId: 'nope' }],
      ['post', `/api/bcci-legs/${legId}/pickup`, d, { checklist: { missingDocuments: 'all' } }],
      ['post', `/api/bcci-legs/${legId}/deliver`, d, { recipientName: '' }],
      [
        'post',
        '/api/bcci-tariffs',
        w.admin,
        { legKind: 'pickup', routeType: 'intra_area', priceVnd: -5, dueWorkingDays: 1 },
      ],
      [
        'post',
        '/api/bcci-tariffs',
        w.admin,
        { legKind: 'pickup', routeType: 'intra_area', priceVnd: 1.5, dueWorkingDays: 1 },
      ],
      [
        'post',
        '/api/bcci-promotions',
        w.admin,
        { name: 'x y', startsOn: '2020-05-30', endsOn: '2020-03-23', percent: 30, legKinds: ['return'] },
      ],
      [
        'post',
        '/api/bcci-promotions',
        w.admin,
        { name: 'x y', startsOn: '2020-02-30x', endsOn: '2020-03-23', percent: 130, legKinds: ['return'] },
      ],
      ['post', '/api/bcci-remittances', d, { reference: 'r', remittedOn: 'yesterday', legIds: [] }],
    ];
    for (const query of [
      'active=yes',
      'unremitted=1',
      'limit=0',
      'limit=501',
      'offset=1',
      'cursor=not-a-cursor',
      'state=lost',
      'officeId=abc',
      'page=2',
    ]) {
      const res = await w.api.http.get(`/api/bcci-legs?${query}`).set(auth(w.supervisor.token));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    expect(
      (await w.api.http.get('/api/bcci-remittances/unremitted.csv?officeId=abc').set(auth(w.supervisor.token))).status,
    ).toBe(400);
    for (const [method, path, token, body] of cases) {
      const res = await w.api.http[method as 'post'](path).set(auth(token)).send(body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
    }
    expect((await w.api.http.get('/api/public/requests/BC-260101-000001')).status).toBe(400);
    expect((await w.api.http.get('/api/public/requests/whatever').query({ phone: '0912345678' })).status).toBe(400);
  });

  it('illegal transitions → 409; cancel only before pickup (operator), with the offer withdrawn', async () => {
    const { legId } = await createAndOffer(0);
    const d = w.offices[0].dispatcher.token;
    expect(
      (
        await w.api.http
          .post(`/api/bcci-legs/${legId}/deliver`)
          .set(auth(w.supervisor.token))
          .send({ recipientName: 'A', relation: 'B' })
      ).status,
    ).toBe(409);
    const cancelled = await w.api.http
      .post(`/api/bcci-legs/${legId}/cancel`)
      .set(auth(w.operator.token))
      .send({ reason: 'Công dân tự nộp' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(d))).status).toBe(409);
    const [rows] = (await w.db.query('SELECT state FROM bcci_assignments WHERE leg_id = ?', [legId])) as unknown as [
      Array<{ state: string }>,
    ];
    expect(rows.map((r) => r.state)).toEqual(['withdrawn']);
  });

  it('a leg past its J+n due date is flagged live (overdue job, re-armed by the reconciler from MySQL)', async () => {
    const { request, legId } = await createAndOffer(0);
    expect(Date.parse(request.legs[0].dueAt)).toBeGreaterThan(Date.now());
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(w.offices[0].dispatcher.token))).status,
    ).toBe(200);
    // The due date moves into the past (as if the days had gone by); the reconciler arms the overdue job for the new date.
    await w.db.query('UPDATE bcci_legs SET due_at = ? WHERE id = ?', [new Date(Date.now() - 60_000), legId]);
    const flagged = waitFor(w.offices[0].socket, 'dispatch:leg-overdue', (p) => p.legId === legId);
    await w.worker.get(ReconcilerService).run({ trigger: 'manual' });
    expect(await flagged).toMatchObject({ legId, to: 'accepted', officeId: w.offices[0].id });
    expect(
      (await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(w.offices[0].dispatcher.token))).body.overdue,
    ).toBe(true);
  });

  it('a remote-area commune raises the request priority and the routing job priority', async () => {
    expect(
      (await w.api.http.patch(`/api/geo/units/${w.commune}`).set(auth(w.admin)).send({ remoteArea: true })).status,
    ).toBe(200);
    try {
      const { request, legId } = await createAndOffer(0);
      expect(request).toMatchObject({ priority: 'high', remoteArea: true });
      expect(request.legs[0].remoteArea).toBe(true);
      const job = await w.api.app
        .get(JobQueue)
        .queue('dispatch')
        .getJob(routeJobId(legId, 1, null));
      expect(job?.opts.priority).toBe(REMOTE_PRIORITY);
      const normal = await create();
      expect(normal.priority).toBe('high');
    } finally {
      await w.api.http.patch(`/api/geo/units/${w.commune}`).set(auth(w.admin)).send({ remoteArea: false });
    }
    const normal = await create();
    expect(normal.priority).toBe('normal');
    const job = await w.api.app
      .get(JobQueue)
      .queue('dispatch')
      .getJob(routeJobId(normal.legs[0].id, 1, null));
    expect(job?.opts.priority).toBe(NORMAL_PRIORITY);
  });

  it('the public lookup is rate-limited per client: 429 with Retry-After', async () => {
    let res;
    for (let i = 0; i < 30; i++) {
      res = await w.api.http.get('/api/public/requests/BC-260101-999999').query({ phone: '0912345678' });
      if (res.status === 429) break;
      expect(res.status).toBe(404);
    }
    expect(res!.status).toBe(429);
    expect(Number(res!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
