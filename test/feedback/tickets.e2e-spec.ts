import { DataSource } from 'typeorm';
import type { TicketView } from '@hotline/contracts';
import { ADMIN_PASSWORD, type TestApi, login, startApi } from '../helpers/test-app';

/** Ticket lifecycle over HTTP (no worker needed): intake, transitions, replies/notes, assignment, forwarding, overdue dossiers, CSAT, lookup. */
describe('feedback tickets', () => {
  let api: TestApi;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};
  let agencyId: string;
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    for (const [who, pw] of [
      ['admin', ADMIN_PASSWORD],
      ['operator1', undefined],
      ['operator2', undefined],
      ['supervisor1', undefined],
      ['dispatcher.pleiku', undefined],
    ] as const) {
      const t = await login(api, who, pw);
      tokens[who] = t.accessToken;
      users[who] = t.user.id;
    }
    agencyId = (await api.http.get('/api/feedback/agencies').set(as('operator1'))).body.items.find(
      (a: { code: string }) => a.code === 'so-xay-dung',
    ).id;
  });
  afterAll(() => api.close());

  const create = (body: Record<string, unknown>, who = 'operator1') =>
    api.http
      .post('/api/tickets')
      .set(as(who))
      .send({
        kind: 'feedback',
        channel: 'phone',
        phone: '0905 111 222',
        subject: 'Hồ sơ chậm',
        content: 'Tôi nộp hồ sơ đã lâu',
        ...body,
      });

  it('creates a ticket linked to the citizen by phone, with SLA due instants and a history row', async () => {
    const res = await create({
      phone: '+84 905 111 222',
      citizenName: 'Trần Thị B',
      callId: 'call-123',
      attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 1200 }],
    });
    expect(res.status).toBe(201);
    const t: TicketView = res.body;
    expect(t).toMatchObject({
      status: 'new',
      priority: 'normal',
      kind: 'feedback',
      callId: 'call-123',
      queue: 'operators',
      slaVersion: 1,
    });
    expect(t.code).toMatch(/^PA\d{6}-[A-Z2-9]{5}$/);
    expect(t).toMatchObject({ citizenName: 'Trần Thị B', citizenPhone: '+84905111222' }); // the citizen as the calls context knows them
    expect(t.sla.firstResponse).toMatchObject({ state: 'ok', targetMinutes: 240 });
    expect(t.sla.resolution).toMatchObject({ state: 'ok', targetMinutes: 2400 });
    expect(t.sla.forward).toMatchObject({ state: 'ok', targetMinutes: 2400 });
    expect(Date.parse(t.sla.firstResponse!.dueAt!)).toBeGreaterThan(Date.parse(t.receivedAt));
    const again = await create({ phone: '0905-111-222' });
    expect(again.body.citizenId).toBe(t.citizenId); // same person whatever the separators
    const history = await api.http.get(`/api/tickets/${t.id}/history`).set(as('operator1'));
    expect(history.body.nextCursor).toBeNull();
    expect(history.body.items[0]).toMatchObject({ action: 'created', to: 'new', actorId: users.operator1 });
  });

  it('gives concurrent intakes for the same new number one citizen, each ticket created (no 409 for the race)', async () => {
    const phone = `0912 ${String(Date.now()).slice(-6, -3)} ${String(Date.now()).slice(-3)}`;
    const before = await count('SELECT COUNT(*) AS n FROM citizens');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        create({ phone, subject: `Cùng số mới ${i}` }, i % 2 ? 'operator2' : 'operator1'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const citizenIds = new Set(results.map((r) => (r.body as TicketView).citizenId));
    expect(citizenIds.size).toBe(1);
    const [citizenId] = [...citizenIds];
    expect(await count('SELECT COUNT(*) AS n FROM citizen_phones WHERE citizen_id = ?', [citizenId])).toBe(1);
    expect(
      await count("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'citizen' AND entity_id = ?", [citizenId]),
    ).toBe(1);
    const e164 = `+84${phone.replace(/\D/g, '').slice(1)}`;
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM citizens c JOIN citizen_phones p ON p.citizen_id = c.id WHERE p.phone = ?',
        [e164],
      ),
    ).toBe(1);
    // No citizen row left behind by the losers (each had inserted one before its number lost the race).
    expect(await count('SELECT COUNT(*) AS n FROM citizens')).toBe(before + 1);
  });

  it('raises the priority one step for a remote-area commune (unless told not to)', async () => {
    const units = await api.http.get('/api/geo/units').set(as('admin'));
    const code = units.body.items[5].code as string;
    expect((await api.http.patch(`/api/geo/units/${code}`).set(as('admin')).send({ remoteArea: true })).status).toBe(
      200,
    );
    const raised = await create({ communeCode: code });
    expect(raised.body).toMatchObject({ priority: 'high', priorityRaisedForRemoteArea: true });
    expect(raised.body.sla.firstResponse.targetMinutes).toBe(120); // the "high" policy
    const notRaised = await create({ communeCode: code, raiseForRemoteArea: false, priority: 'low' });
    expect(notRaised.body).toMatchObject({ priority: 'low', priorityRaisedForRemoteArea: false });
  });

  it.each([
    [{ kind: 'complaint' }, /kind/],
    [{ channel: 'fax' }, /channel/],
    [{ phone: '12' }, /phone/],
    [{ phone: '0123 456 789 999' }, /phone/],
    [{ subject: '' }, /subject/],
    [{ priority: 'critical' }, /priority/],
    [{ communeCode: '99999' }, /communeCode/],
    [{ categoryId: '01a2296b-0000-7000-8000-000000000000' }, /categoryId/],
    [{ kind: 'overdue_dossier' }, /overdue/],
    [
      {
        kind: 'overdue_dossier',
        overdue: { agencyId: '01a2296b-0000-7000-8000-000000000000', dossierCode: 'X', originalDueDate: '2026-03-01' },
      },
      /overdue.agencyId/,
    ],
    [{ attachments: [{ fileName: 'a', contentType: 'nope', sizeBytes: 1 }] }, /contentType/],
    [{ assigneeId: '01a2296b-0000-7000-8000-000000000000' }, /assigneeId/],
    [{ unknownField: 1 }, /unknownField/],
  ])('refuses %o with 400 naming the field, writing nothing', async (body, message) => {
    const before = await count('SELECT COUNT(*) AS n FROM tickets');
    const citizens = await count('SELECT COUNT(*) AS n FROM citizens');
    const res = await create({ phone: '0905 999 000', ...body });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(await count('SELECT COUNT(*) AS n FROM tickets')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM citizens')).toBe(citizens);
  });

  it('runs the whole lifecycle: assign, reply, wait (paused), forward, agency answer, resolve, CSAT, reopen, close', async () => {
    const t: TicketView = (await create({ phone: '0912 345 678' })).body;
    const post = (path: string, body: Record<string, unknown> = {}, who = 'operator1') =>
      api.http.post(`/api/tickets/${t.id}${path}`).set(as(who)).send(body);

    let res = await post('/assign', { assigneeId: users.operator1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', assigneeId: users.operator1 });

    // An operator cannot take someone else's ticket; a supervisor can take over.
    expect((await post('/assign', { assigneeId: users.operator2 }, 'operator2')).status).toBe(403);
    res = await post('/take-over', {}, 'supervisor1');
    expect(res.body.assigneeId).toBe(users.supervisor1);
    expect((await post('/take-over', {}, 'operator1')).status).toBe(403);
    res = await post('/assign', { assigneeId: users.operator1 }, 'supervisor1');
    expect(res.body.assigneeId).toBe(users.operator1);

    res = await post('/notes', { body: 'Ghi chú nội bộ: đã gọi Sở' });
    expect(res.status).toBe(201);
    res = await post('/replies', { body: 'Chúng tôi đã tiếp nhận phản ánh.' });
    expect(res.body.sla.firstResponse.state).toBe('met');
    expect(res.body.firstResponseAt).not.toBeNull();

    res = await post('/transitions', { to: 'waiting_citizen', reason: 'cần bổ sung số hồ sơ' });
    expect(res.status).toBe(200);
    expect(res.body.sla.resolution).toMatchObject({ state: 'paused', dueAt: null });
    const pausedVersion = res.body.slaVersion;
    expect(pausedVersion).toBeGreaterThan(t.slaVersion);
    res = await post('/transitions', { to: 'open' });
    expect(res.body.sla.resolution.state).toBe('ok');
    expect(res.body.slaVersion).toBe(pausedVersion + 1);

    expect((await post('/transitions', { to: 'forwarded' })).status).toBe(400); // needs the agency
    res = await post('/forwards', { agencyId, note: 'Thuộc thẩm quyền Sở Xây dựng' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('forwarded');
    expect(res.body.sla.forward.state).toBe('met');
    const detail = await api.http.get(`/api/tickets/${t.id}`).set(as('operator1'));
    const forwardId = detail.body.forwards[0].id;
    expect(detail.body.forwards[0]).toMatchObject({ agencyId, agencyName: 'Sở Xây dựng tỉnh Gia Lai', answer: null });
    res = await post(`/forwards/${forwardId}/answer`, { answer: 'Sở đã xử lý, cấp phép ngày 5/3' });
    expect(res.status).toBe(200);
    expect((await post(`/forwards/${forwardId}/answer`, { answer: 'lần hai' })).status).toBe(409);

    expect((await post('/csat', { score: 5 })).status).toBe(409); // not resolved yet
    expect((await post('/replies', { body: 'Sở Xây dựng đã cấp phép cho ông/bà.' })).status).toBe(201);
    res = await post('/transitions', { to: 'resolved' });
    expect(res.body).toMatchObject({ status: 'resolved' });
    expect(res.body.sla.resolution.state).toBe('met');
    const consumed = res.body.sla.resolution.consumedMinutes;

    expect((await post('/csat', { score: 6 })).status).toBe(400);
    res = await post('/csat', { score: 4, comment: 'Hài lòng' });
    expect(res.body.csat).toMatchObject({ score: 4, comment: 'Hài lòng' });
    expect((await post('/csat', { score: 5 })).status).toBe(409);

    // The citizen's lookup: status, dates and public replies only (no internal note), with any spelling of the number.
    res = await api.http.get(`/api/public/tickets/${t.code}?phone=0912.345.678`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: t.code, status: 'resolved' });
    expect(res.body.replies.map((r: { body: string }) => r.body)).toEqual([
      'Chúng tôi đã tiếp nhận phản ánh.',
      'Sở Xây dựng đã cấp phép cho ông/bà.',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/nội bộ|assignee|citizenId/);
    expect((await api.http.get(`/api/public/tickets/${t.code}?phone=0905111222`)).status).toBe(404); // someone else's phone
    expect((await api.http.get(`/api/public/tickets/PA000000-XXXXX?phone=0912345678`)).status).toBe(404);

    res = await post('/transitions', { to: 'reopened', reason: 'công dân chưa nhận được giấy phép' });
    expect(res.body.sla.resolution.state).toBe('ok');
    expect(res.body.sla.resolution.consumedMinutes).toBeCloseTo(consumed, 5); // resumes where it stopped
    expect((await post('/transitions', { to: 'closed' })).status).toBe(409);
    await post('/transitions', { to: 'resolved' });
    res = await post('/transitions', { to: 'closed' });
    expect(res.body.status).toBe('closed');
    const illegal = await post('/transitions', { to: 'reopened' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');

    const actions = (await api.http.get(`/api/tickets/${t.id}/history`).set(as('supervisor1'))).body.items.map(
      (h: { action: string }) => h.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'created',
        'assigned',
        'taken_over',
        'reassigned',
        'internal_note',
        'public_reply',
        'first_response',
        'status_changed',
        'forwarded',
        'agency_answered',
        'csat',
        'reopened',
        'sla_recomputed',
      ]),
    );
    // The history pages like every list ({ items, nextCursor }), oldest first: pages of 3 add up to the whole.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ action: string }>; nextCursor: string | null } } =
        await api.http
          .get(`/api/tickets/${t.id}/history`)
          .query(cursor ? { limit: 3, cursor } : { limit: 3 })
          .set(as('supervisor1'));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.body.items.map((h) => h.action));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(actions);
  });

  it('overdue dossier: agency, original due date, apology slip (Mẫu 04) — the new date is set once, a second attempt is 409', async () => {
    const res = await create({
      kind: 'overdue_dossier',
      overdue: { agencyId, dossierCode: 'H21.52-260301-0007', originalDueDate: '2026-03-10' },
    });
    expect(res.status).toBe(201);
    expect(res.body.overdueDossier).toMatchObject({
      agencyId,
      dossierCode: 'H21.52-260301-0007',
      originalDueDate: '2026-03-10',
      newDueDate: null,
    });
    const id = res.body.id;
    const apology = (body: Record<string, unknown>) =>
      api.http.post(`/api/tickets/${id}/overdue-dossier/apology`).set(as('operator1')).send(body);
    expect((await apology({ reason: 'Cần xác minh', newDueDate: '2026-03-05' })).status).toBe(400); // before the original date
    expect((await apology({ reason: 'Cần xác minh', newDueDate: '2026-02-30' })).status).toBe(400);
    const first = await apology({
      reason: 'Cần xác minh nguồn gốc đất',
      newDueDate: '2026-03-20',
      slipDate: '2026-03-09',
    });
    expect(first.status).toBe(200);
    expect(first.body.overdueDossier).toMatchObject({
      apologyReason: 'Cần xác minh nguồn gốc đất',
      newDueDate: '2026-03-20',
      apologySlipDate: '2026-03-09',
    });
    const second = await apology({ reason: 'Lại trễ', newDueDate: '2026-03-30' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('NEW_DATE_ALREADY_SET');
    expect(
      (await db.query('SELECT new_due_date FROM overdue_dossiers WHERE ticket_id = ?', [id]))[0].new_due_date,
    ).toBe('2026-03-20');
    // Supervisors list overdue-dossier tickets.
    const list = await api.http.get('/api/tickets?kind=overdue_dossier').set(as('supervisor1'));
    expect(list.body.items.map((x: TicketView) => x.id)).toContain(id);
    // Not an overdue-dossier ticket → 409.
    const plain = (await create({})).body.id;
    expect(
      (
        await api.http
          .post(`/api/tickets/${plain}/overdue-dossier/apology`)
          .set(as('operator1'))
          .send({ reason: 'x', newDueDate: '2026-03-20' })
      ).status,
    ).toBe(409);
  });

  it('atRisk lists only tickets still open: resolved and closed ones keep their recorded breach but leave the list', async () => {
    const made: TicketView[] = [];
    for (let i = 0; i < 3; i++) made.push((await create({ phone: '0905 333 444' })).body);
    const [open, resolved, closed] = made;
    const move = (id: string, to: string) =>
      api.http.post(`/api/tickets/${id}/transitions`).set(as('operator1')).send({ to });
    expect((await move(resolved.id, 'resolved')).status).toBe(200);
    expect((await move(closed.id, 'resolved')).status).toBe(200);
    expect((await move(closed.id, 'closed')).status).toBe(200);
    // The columns as a fired breach leaves them (the worker is not running here): the breach stays recorded after the ticket settles.
    await db.query("UPDATE tickets SET first_response_state = 'breached' WHERE id IN (?, ?, ?)", [
      open.id,
      resolved.id,
      closed.id,
    ]);
    const ids = async (query: string) =>
      ((await api.http.get(`/api/tickets?${query}`).set(as('supervisor1'))).body.items as TicketView[]).map(
        (x) => x.id,
      );
    const atRisk = await ids('atRisk=true&limit=200');
    expect(atRisk).toContain(open.id);
    const listed = (
      (await api.http.get('/api/tickets?atRisk=true&limit=200').set(as('supervisor1'))).body.items as TicketView[]
    ).find((x) => x.id === open.id);
    expect(listed).toMatchObject({ citizenId: open.citizenId, citizenPhone: '+84905333444' }); // lists carry the citizen too
    expect(atRisk).not.toContain(resolved.id);
    expect(atRisk).not.toContain(closed.id);
    // Asking for a settled status explicitly with atRisk gives nothing; the plain status filter still finds them.
    expect(await ids('atRisk=true&status=resolved&limit=200')).toEqual([]);
    expect(await ids('status=resolved&limit=200')).toContain(resolved.id);
  });

  it('the list pages past any limit ({ items, nextCursor }) and searches code, phone, citizen name and subject words', async () => {
    const phone = '0905 444 555';
    const mine: TicketView[] = [];
    for (let i = 0; i < 5; i++)
      mine.push(
        (await create({ phone, citizenName: 'Phạm Văn Khải', subject: `Cống thoát nước ngập úng khu ${i}` })).body,
      );
    const other = (await create({ phone: '0905 666 777', subject: 'Đèn đường hỏng' })).body as TicketView;
    type ListBody = { items: TicketView[]; nextCursor: string | null };
    const list = async (query: Record<string, string | number>) => {
      const res = await api.http.get('/api/tickets').query(query).set(as('supervisor1'));
      expect(res.status).toBe(200);
      return res.body as ListBody;
    };
    const all = async (query: Record<string, string | number>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 500; guard++) {
        const page: ListBody = await list(cursor ? { ...query, cursor } : query);
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    // Two per page, by phone (another spelling of it): the five, newest first, no duplicate, the last page says so.
    const first = await list({ q: '+84905444555', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const byPhone = await all({ q: '+84905444555', limit: 2 });
    expect(byPhone).toEqual(mine.map((x) => x.id).reverse());
    // Every ticket of the unfiltered list, page after page of 3: none left out, none twice.
    const everything = await all({ limit: 3 });
    expect(new Set(everything).size).toBe(everything.length);
    expect(everything).toEqual(expect.arrayContaining([...mine.map((x) => x.id), other.id]));
    expect(everything.length).toBe(await count('SELECT COUNT(*) AS n FROM tickets'));
    // The code, or its beginning.
    expect((await list({ q: mine[2].code })).items.map((x) => x.id)).toEqual([mine[2].id]);
    expect(await all({ q: mine[2].code.slice(0, 9).toLowerCase() })).toContain(mine[2].id);
    // The citizen's name (its beginning, accents and case ignored by the collation).
    expect(await all({ q: 'Phạm Văn Kh' })).toEqual(expect.arrayContaining(mine.map((x) => x.id)));
    expect(await all({ q: 'pham van khai' })).toEqual(expect.arrayContaining(mine.map((x) => x.id)));
    // Words of the subject, in Vietnamese (FULLTEXT), with or without accents; the other ticket is not found.
    const words = await all({ q: 'thoát nước' });
    expect(words).toEqual(expect.arrayContaining(mine.map((x) => x.id)));
    expect(words).not.toContain(other.id);
    expect(await all({ q: 'thoat nuoc ngap' })).toEqual(expect.arrayContaining(mine.map((x) => x.id)));
    expect(await all({ q: 'đèn hỏng' })).toContain(other.id);
    expect(await all({ q: 'đèn hỏng' })).not.toContain(mine[0].id);
    // Combined with a filter, and nothing for a text nothing has.
    expect(await all({ q: 'thoát nước', status: 'resolved' })).toEqual([]);
    expect((await list({ q: 'zzqx không có' })).items).toEqual([]);
    // Bad input: a cursor this list did not give, a search of nothing or too long → 400 naming the field.
    for (const [query, field] of [
      [{ cursor: 'bogus' }, 'cursor'],
      [{ q: '   ' }, 'q'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ limit: 201 }, 'limit'],
    ] as const) {
      const res = await api.http.get('/api/tickets').query(query).set(as('supervisor1'));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('open=true lists only the tickets being worked on', async () => {
    const t = (await create({})).body as TicketView;
    const done = (await create({})).body as TicketView;
    await api.http.post(`/api/tickets/${done.id}/transitions`).set(as('operator1')).send({ to: 'resolved' });
    const ids = (
      (await api.http.get('/api/tickets').query({ open: true, limit: 200 }).set(as('supervisor1'))).body
        .items as TicketView[]
    ).map((x) => x.id);
    expect(ids).toContain(t.id);
    expect(ids).not.toContain(done.id);
  });

  it('dispatchers have no access to tickets; unknown ids are 404', async () => {
    expect((await api.http.get('/api/tickets').set(as('dispatcher.pleiku'))).status).toBe(403);
    expect((await api.http.get('/api/tickets/01a2296b-0000-7000-8000-000000000000').set(as('operator1'))).status).toBe(
      404,
    );
    expect(
      (
        await api.http
          .post('/api/tickets/01a2296b-0000-7000-8000-000000000000/replies')
          .set(as('operator1'))
          .send({ body: 'x' })
      ).status,
    ).toBe(404);
  });

  it('admin manages categories, agencies and SLA policies; bad input is 400', async () => {
    const cat = await api.http.post('/api/feedback/categories').set(as('admin')).send({ code: 'thue', name: 'Thuế' });
    expect(cat.status).toBe(201);
    expect(
      (await api.http.post('/api/feedback/categories').set(as('admin')).send({ code: 'thue', name: 'Thuế' })).status,
    ).toBe(409);
    expect(
      (
        await api.http
          .post('/api/feedback/agencies')
          .set(as('admin'))
          .send({ code: 'cuc-thue', name: 'Thuế tỉnh', email: 'not-an-email' })
      ).body.message,
    ).toMatch(/email/);
    const policy = await api.http
      .post('/api/sla/policies')
      .set(as('admin'))
      .send({ name: 'Thuế', categoryId: cat.body.id, firstResponseMinutes: 60, resolutionMinutes: 480 });
    expect(policy.status).toBe(201);
    const t = await create({ categoryId: cat.body.id });
    expect(t.body.policyId).toBe(policy.body.id);
    expect(t.body.sla.forward).toBeNull();
    expect(
      (
        await api.http
          .post('/api/sla/policies')
          .set(as('admin'))
          .send({ name: 'x', firstResponseMinutes: 0, resolutionMinutes: 1 })
      ).body.message,
    ).toMatch(/firstResponseMinutes/);
    expect(
      (
        await api.http
          .post('/api/sla/policies')
          .set(as('operator1'))
          .send({ name: 'x', firstResponseMinutes: 1, resolutionMinutes: 1 })
      ).status,
    ).toBe(403);
  });
});
