import type { BcciRequestView, Page } from '@hotline/contracts';
import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from '../helpers/test-app';

jest.setTimeout(60_000);

/** GET /bcci-requests: "my requests" of the operator console and the supervisors' search (the database is shared: never assume an empty list). */
describe('GET /api/bcci-requests', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  // A run-unique dossier prefix: `q` isolates this file's requests from the rest of the shared database.
  const prefix = unique('LST-').toUpperCase();
  const phone = `0914${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const created: BcciRequestView[] = [];
  let other: BcciRequestView;

  function body(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      option: 'send_dossier',
      procedureName: 'Cấp đổi giấy phép lái xe',
      field: 'Đường bộ',
      agency: 'Sở Xây dựng tỉnh Gia Lai',
      serviceLevel: '3',
      phone,
      contactName: 'Siu H’Mai',
      pickupAddress: { detail: '3 Hùng Vương', communeCode: '23575' },
      ...extra,
    };
  }

  async function create(who: string, extra: Record<string, unknown>): Promise<BcciRequestView> {
    const res = await api.http.post('/api/bcci-requests').set(auth(who)).send(body(extra));
    expect(res.status).toBe(201);
    return res.body as BcciRequestView;
  }

  async function list(who: string, query: Record<string, unknown>): Promise<Page<BcciRequestView>> {
    const res = await api.http.get('/api/bcci-requests').query(query).set(auth(who));
    expect(res.status).toBe(200);
    return res.body as Page<BcciRequestView>;
  }

  beforeAll(async () => {
    api = await startApi();
    for (const u of ['operator1', 'operator2', 'supervisor1', 'dispatcher.pleiku'])
      tokens[u] = (await login(api, u)).accessToken;
    tokens.admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
    created.push(await create('operator1', { dossierCode: `${prefix}-A` }));
    created.push(await create('operator1', { dossierCode: `${prefix}-B`, option: 'both' }));
    created.push(
      await create('operator1', {
        dossierCode: `${prefix}-C`,
        option: 'receive_result',
        deliveryAddress: { detail: '9 Nguyễn Huệ', communeCode: '23575' },
      }),
    );
    // Another caller, with a number of this run (a fixed one would be a citizen that another file of this worker expects to be new).
    other = await create('operator2', {
      dossierCode: `${prefix}-D`,
      phone: `0905${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    });
  });
  afterAll(() => api?.close());

  it("an operator sees the requests they created by default, newest first, with each leg's state and office", async () => {
    const page = await list('operator1', { q: prefix });
    expect(page.items.map((r) => r.id)).toEqual([created[2].id, created[1].id, created[0].id]);
    expect(page.nextCursor).toBeNull();
    const both = page.items[1];
    expect(both).toMatchObject({
      code: created[1].code,
      option: 'both',
      dossierCode: `${prefix}-B`,
      createdById: created[0].createdById,
    });
    expect(both.legs.map((l) => [l.kind, l.state, l.officeId])).toEqual([
      ['pickup', 'routing', null],
      ['return', 'routing', null],
    ]);
    // Without a filter the operator's default list holds only their own requests.
    const mine = await list('operator1', { limit: 200 });
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mine.items.map((r) => r.createdById))).toEqual(new Set([created[0].createdById]));
  });

  it('mine=false shows every operator’s requests; supervisors and admins see all by default, mine=true narrows them', async () => {
    expect((await list('operator1', { q: prefix, mine: 'false' })).items.map((r) => r.id)).toEqual([
      other.id,
      created[2].id,
      created[1].id,
      created[0].id,
    ]);
    expect((await list('operator2', { q: prefix })).items.map((r) => r.id)).toEqual([other.id]);
    expect((await list('supervisor1', { q: prefix })).items).toHaveLength(4);
    expect((await list('admin', { q: prefix })).items).toHaveLength(4);
    expect((await list('supervisor1', { q: prefix, mine: 'true' })).items).toHaveLength(0);
  });

  it('dispatchers are refused (403)', async () => {
    expect((await api.http.get('/api/bcci-requests').set(auth('dispatcher.pleiku'))).status).toBe(403);
  });

  it('filters: option, leg state, citizen phone in any format or id, request or dossier code, created date range', async () => {
    const ids = async (query: Record<string, unknown>) =>
      (await list('supervisor1', { q: prefix, ...query })).items.map((r) => r.id);
    expect(await ids({ option: 'both' })).toEqual([created[1].id]);
    expect(await ids({ state: 'routing' })).toHaveLength(4);
    expect(await ids({ state: 'delivered' })).toEqual([]);
    const international = `+84 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    expect((await list('supervisor1', { phone: international })).items.map((r) => r.id)).toEqual([
      created[2].id,
      created[1].id,
      created[0].id,
    ]);
    expect((await list('supervisor1', { citizenId: other.citizenId, q: prefix })).items.map((r) => r.id)).toEqual([
      other.id,
    ]);
    // The request code, typed in lower case, and a dossier code prefix.
    expect((await list('supervisor1', { q: created[1].code.toLowerCase() })).items.map((r) => r.id)).toEqual([
      created[1].id,
    ]);
    expect(await ids({ q: `${prefix}-C` })).toEqual([created[2].id]);
    // LIKE wildcards typed by the user are taken literally.
    expect((await list('supervisor1', { q: `${prefix.slice(0, 4)}%` })).items).toEqual([]);
    const first = new Date(created[0].createdAt).getTime();
    const last = new Date(other.createdAt).getTime();
    expect(await ids({ from: new Date(first).toISOString(), to: new Date(last + 1).toISOString() })).toHaveLength(4);
    expect(await ids({ from: new Date(last + 1).toISOString() })).toEqual([]);
    expect(await ids({ to: new Date(first).toISOString() })).toEqual([]);
  });

  it('pages with limit and the opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<BcciRequestView> = await list('supervisor1', {
        q: prefix,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toEqual([other.id, created[2].id, created[1].id, created[0].id]);
  });

  it.each([
    [{ limit: 0 }, /limit/],
    [{ limit: 201 }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ mine: 'maybe' }, /mine/],
    [{ state: 'lost' }, /state/],
    [{ option: 'fax' }, /option/],
    [{ from: '29/01/2026' }, /from/],
    [{ to: 'tomorrow' }, /to/],
    [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, /to: the date range/],
    [{ cursor: 'not-a-cursor' }, /cursor/],
    [{ phone: '12345' }, /phone/],
    [{ citizenId: 'abc' }, /citizenId/],
    [{ q: 'x' }, /q must be/],
    [{ sort: 'asc' }, /sort/],
  ])('400 on a bad query %j', async (query, message) => {
    const res = await api.http.get('/api/bcci-requests').query(query).set(auth('supervisor1'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });
});
