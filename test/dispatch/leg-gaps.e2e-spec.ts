import type { BcciRequestView, LegView, Page } from '@hotline/contracts';
import { type DispatchWorld, dispatchWorld, requestBody, waitFor } from './dispatch-fixtures';

jest.setTimeout(60_000);

/** What the dispatcher inbox needs from the API: offer deadlines, remittance info, an active list with paging, the CSV report. */
describe('dispatch legs: offers with deadlines, active list and paging, delivery rule, collected-not-remitted CSV', () => {
  let w: DispatchWorld;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const d = () => auth(w.offices[0].dispatcher.token);

  beforeAll(async () => {
    w = await dispatchWorld({ communeIndex: 75 });
  });
  afterAll(() => w?.close());

  async function offered(extra: Record<string, unknown> = {}): Promise<{ request: BcciRequestView; legId: string }> {
    const res = await w.api.http.post('/api/bcci-requests').set(auth(w.operator.token)).send(requestBody(w, extra));
    expect(res.status).toBe(201);
    const legId = res.body.legs[0].id as string;
    await waitFor(w.offices[0].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    return { request: res.body as BcciRequestView, legId };
  }

  async function page(query: string, token = w.offices[0].dispatcher.token): Promise<Page<LegView>> {
    const res = await w.api.http.get(`/api/bcci-legs?${query}`).set(auth(token));
    expect(res.status).toBe(200);
    return res.body as Page<LegView>;
  }

  it('each pending offer carries its acceptance deadline (list and detail); an answered one carries none', async () => {
    const before = Date.now();
    const { legId } = await offered();
    const listed = (await page('active=true')).items.find((l) => l.id === legId)!;
    expect(listed.state).toBe('assigned');
    expect(listed.pendingOffer).toMatchObject({ officeId: w.offices[0].id, assignmentId: expect.any(String) });
    const deadline = Date.parse(listed.pendingOffer!.deadlineAt!);
    expect(deadline).toBeGreaterThan(before);
    expect(Date.parse(listed.pendingOffer!.offeredAt)).toBeLessThan(deadline);
    const detail = (await w.api.http.get(`/api/bcci-legs/${legId}`).set(d())).body as LegView;
    expect(detail.pendingOffer).toEqual(listed.pendingOffer);
    // The operator's request view says the same.
    const request = (await w.api.http.get(`/api/bcci-requests/${listed.requestId}`).set(auth(w.operator.token)))
      .body as BcciRequestView;
    expect(request.legs[0].pendingOffer).toEqual(listed.pendingOffer);
    const accepted = await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(d());
    expect(accepted.status).toBe(200);
    expect(accepted.body.pendingOffer).toBeNull();
  });

  it('active=true leaves out finished and cancelled legs; the cursor pages through { items, nextCursor }', async () => {
    const legs = [(await offered()).legId, (await offered()).legId, (await offered()).legId];
    await w.api.http
      .post(`/api/bcci-legs/${legs[0]}/cancel`)
      .set(auth(w.operator.token))
      .send({ reason: 'Công dân tự nộp hồ sơ' })
      .expect(200);
    const all = await page('limit=500');
    const active = await page('active=true&limit=500');
    expect(all.items.map((l) => l.id)).toEqual(expect.arrayContaining(legs));
    expect(active.items.map((l) => l.id)).toEqual(expect.arrayContaining(legs.slice(1)));
    expect(active.items.map((l) => l.id)).not.toContain(legs[0]);
    expect(active.items.every((l) => !['delivered', 'cancelled', 'returned_to_agency'].includes(l.state))).toBe(true);
    expect(all.nextCursor).toBeNull();
    expect(active.nextCursor).toBeNull();
    expect(active.items.length).toBeLessThan(all.items.length);
    // Page by one: the same rows, newest change first, each once; the last page says there is no next one.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page<LegView> = await page(`active=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(1);
      seen.push(...p.items.map((l) => l.id));
      cursor = p.nextCursor;
    } while (cursor && seen.length <= active.items.length);
    expect(seen).toEqual(active.items.map((l) => l.id));
    // A supervisor filters any office the same way.
    expect(
      (await page(`active=true&officeId=${w.offices[0].id}&limit=500`, w.supervisor.token)).items.map((l) => l.id),
    ).toEqual(active.items.map((l) => l.id));
  });

  it('delivered is refused (409, saying why) for a leg that was never picked up; after the pickup it is accepted', async () => {
    const { legId } = await offered();
    await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(d()).expect(200);
    await w.api.http
      .post(`/api/bcci-legs/${legId}/courier`)
      .set(d())
      .send({ courierName: 'Bưu tá Rơ Châm Thuý' })
      .expect(200);
    await w.api.http.post(`/api/bcci-legs/${legId}/fail`).set(d()).send({ reason: 'Công dân đi vắng' }).expect(200);
    const refused = await w.api.http
      .post(`/api/bcci-legs/${legId}/deliver`)
      .set(d())
      .send({ recipientName: 'Cán bộ một cửa', relation: 'cơ quan tiếp nhận' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: expect.stringMatching(/never picked up/),
    });
    const [rows] = (await w.db.query('SELECT state, delivered_at FROM bcci_legs WHERE id = ?', [legId])) as unknown as [
      Array<{ state: string; delivered_at: Date | null }>,
    ];
    expect(rows[0]).toEqual({ state: 'failed_attempt', delivered_at: null });
    await w.api.http
      .post(`/api/bcci-legs/${legId}/pickup`)
      .set(d())
      .send({ checklist: { missingDocuments: [], slipSignedByBoth: true, sealedInFrontOfCitizen: true } })
      .expect(200);
    const delivered = await w.api.http
      .post(`/api/bcci-legs/${legId}/deliver`)
      .set(d())
      .send({ recipientName: 'Cán bộ một cửa', relation: 'cơ quan tiếp nhận' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.state).toBe('delivered');
  });

  it('the collected-not-remitted report downloads as CSV (UTF-8 BOM, integer VND, per office; supervisors any office); a remitted fee leaves it', async () => {
    const { request, legId } = await offered({ feeOnBehalf: 1234567, agency: 'Sở Tư pháp, "Một cửa"' });
    await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(d()).expect(200);
    await w.api.http
      .post(`/api/bcci-legs/${legId}/courier`)
      .set(d())
      .send({ courierName: 'Bưu tá Ksor Y Đức' })
      .expect(200);
    await w.api.http
      .post(`/api/bcci-legs/${legId}/pickup`)
      .set(d())
      .send({
        checklist: {
          missingDocuments: [],
          slipSignedByBoth: true,
          sealedInFrontOfCitizen: true,
          feeReceiptNumber: 'BL-7788',
        },
        feeCollected: 1234567,
      })
      .expect(200);

    const csv = async (token: string, query = '') => {
      const res = await w.api.http
        .get(`/api/bcci-remittances/unremitted.csv${query}`)
        .set(auth(token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      return { res, bytes: res.body as Buffer, text: (res.body as Buffer).toString('utf8') };
    };
    const own = await csv(w.offices[0].dispatcher.token);
    expect(own.res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(own.res.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="thu-ho-chua-nop-${w.offices[0].code}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    expect([...own.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = own.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Mã bưu cục,Tên bưu cục,Mã yêu cầu,Mã hồ sơ,Cơ quan giải quyết,Chiều,Trạng thái,Số biên lai,Thu hộ dự kiến (VND),Đã thu (VND),Cập nhật lúc',
    );
    const line = lines.find((l) => l.includes(request.code))!;
    expect(line).toContain(
      `${w.offices[0].code},Test office 0,${request.code},${request.dossierCode},"Sở Tư pháp, ""Một cửa""",Nhận hồ sơ,Đã lấy hàng,BL-7788,1234567,1234567,`,
    );
    expect(line).toMatch(/,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(lines.find((l) => l.startsWith(`${w.offices[0].code},Test office 0,Tổng cộng`))).toMatch(/,1234567,$/);

    // Supervisors: one office, or all of them; another office's dispatcher never sees this office's money.
    expect((await csv(w.supervisor.token, `?officeId=${w.offices[0].id}`)).text).toContain(request.code);
    const everyOffice = await csv(w.supervisor.token);
    expect(everyOffice.text).toContain(request.code);
    expect(everyOffice.res.headers['content-disposition']).toMatch(/thu-ho-chua-nop-tat-ca-/);
    expect((await csv(w.offices[1].dispatcher.token)).text).not.toContain(request.code);
    expect((await csv(w.offices[1].dispatcher.token, `?officeId=${w.offices[0].id}`)).text).not.toContain(request.code);
    expect((await w.api.http.get('/api/bcci-remittances/unremitted.csv').set(auth(w.operator.token))).status).toBe(403);

    expect((await page('unremitted=true')).items.map((l) => [l.id, l.feeCollected, l.remittance])).toEqual([
      [legId, 1234567, null],
    ]);
    const remit = await w.api.http
      .post('/api/bcci-remittances')
      .set(d())
      .send({ reference: 'UNC-CSV-1', remittedOn: '2026-01-30', legIds: [legId] });
    expect(remit.status).toBe(201);
    expect((await csv(w.offices[0].dispatcher.token)).text).not.toContain(request.code);
    const listed = (await page('limit=500')).items.find((l) => l.id === legId)!;
    expect(listed.remittance).toEqual({ id: remit.body.id, reference: 'UNC-CSV-1', remittedOn: '2026-01-30' });
    expect((await page('unremitted=true')).items).toEqual([]);
  });
});
