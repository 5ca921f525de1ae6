import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normalizePhone } from '@hotline/contracts/phone';
import { randomMobile } from './calls/helpers';
import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from './helpers/test-app';

/**
 * Every PATCH route of the api, one field at a time: the field sent changes, every other field of the record stays as it
 * was, both as the GET route shows it and in the database row (columns the view does not show included). A PATCH body
 * names only what changes; a field absent from the request must never be written (tsc gives each DTO field an own
 * `undefined` value, so `{ ...row, ...dto }` would wipe it). The routes come from the running app's OpenAPI document: a
 * new PATCH route, or a new field of a PATCH body, fails here until it has an entry in the table below.
 */
type Json = Record<string, unknown>;
type Who = 'admin' | 'operator1';

interface Case {
  /** The one-field body, or a function of the record as read just before the PATCH. */
  body: Json | ((before: Json) => Json);
  /** What the GET route shows afterwards where it is not the value sent (normalised, derived from it). */
  shows?: Json | ((before: Json) => Json);
  /** Fields the one sent legitimately changes too (derived values), in the view or the row; updatedAt/version always may. */
  alsoChanges?: string[];
  /** The test's name when the body is a function. */
  name?: string;
}

interface PatchRoute {
  as: Who;
  /** Creates (or picks) the record once, returns the path parameter ({id} or {code}). */
  record(): Promise<string>;
  /** The record as its GET route shows it. */
  read(key: string): Promise<Json>;
  /** Its row: every column, camelCased. */
  row: { table: string; key?: 'id' | 'code' };
  /** One case per updatable field (some fields twice: another value, or an explicit null that clears). */
  cases: Case[];
  /** Puts back a shared seeded record (other test files of this jest worker use the same database). */
  restore?(key: string, row: Json): Promise<void>;
}

/** Stamped on every write: not "another field". */
const ALWAYS_MAY_CHANGE = ['updatedAt', 'version'];

let api: TestApi;
let db: DataSource;
const tokens = {} as Record<Who, string>;
const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` });

async function getOk(path: string, who: Who = 'admin'): Promise<any> {
  const res = await api.http.get(path).set(as(who));
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function postOk(path: string, body: Json, who: Who = 'admin'): Promise<any> {
  const res = await api.http.post(path).set(as(who)).send(body);
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const inList =
  (path: string, who: Who = 'admin') =>
  async (id: string): Promise<Json> => {
    // Every list answers a page ({ items, nextCursor }).
    const found = ((await getOk(path, who)).items as Json[]).find((r) => r.id === id);
    if (!found) throw new Error(`${id} is not in GET ${path}`);
    return found;
  };

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

async function readRow(table: string, key: string, value: string): Promise<Json> {
  const rows = (await db.query(`SELECT * FROM \`${table}\` WHERE \`${key}\` = ?`, [value])) as Json[];
  if (rows.length !== 1) throw new Error(`${table}.${key} = ${value}: ${rows.length} rows`);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [camel(k), v]));
}

const without = (o: Json, keys: Set<string>) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.has(k)));

/** Records the cases refer to, read or created once the api runs. */
const shared = {} as {
  officeIds: string[];
  communes: Array<{ code: string; lat: number; lng: number; remoteArea: boolean }>;
  categoryId: string;
  topicId: string;
  citizenId: string;
};

const ROUTES: Record<string, PatchRoute> = {
  '/api/users/{id}': {
    as: 'admin',
    record: async () =>
      (
        await postOk('/api/users', {
          username: unique('patch.'),
          fullName: 'Nguyễn Văn Điều Phối',
          password: 'Matkhau@2026',
          role: 'dispatcher',
          postOfficeId: shared.officeIds[0],
          extension: String(randomInt(100_000, 999_999)),
        })
      ).id,
    read: (id) => getOk(`/api/users/${id}`),
    row: { table: 'users' },
    cases: [
      { body: { fullName: 'Rơ Châm Hoa' } },
      { body: { extension: String(randomInt(100_000, 999_999)) } },
      { body: { extension: null } },
      { body: () => ({ postOfficeId: shared.officeIds[1] }), name: 'postOfficeId (another office)' },
      // A dispatcher who becomes an operator leaves the office (documented: postOfficeId only for dispatchers).
      { body: { role: 'operator' }, shows: { postOfficeId: null }, alsoChanges: ['postOfficeId'] },
    ],
  },
  '/api/feedback/categories/{id}': {
    as: 'admin',
    record: async () => (await postOk('/api/feedback/categories', { code: unique('patch-'), name: 'Thử nghiệm' })).id,
    read: inList('/api/feedback/categories'),
    row: { table: 'feedback_categories' },
    cases: [{ body: { name: 'Thử nghiệm (đổi tên)' } }, { body: { active: false } }],
  },
  '/api/feedback/agencies/{id}': {
    as: 'admin',
    record: async () =>
      (
        await postOk('/api/feedback/agencies', {
          code: unique('patch-'),
          name: 'Sở Thử nghiệm',
          email: 'thu@gialai.gov.vn',
        })
      ).id,
    read: inList('/api/feedback/agencies'),
    row: { table: 'agencies' },
    cases: [
      { body: { name: 'Sở Thử nghiệm (đổi tên)' } },
      { body: { email: 'moi@gialai.gov.vn' } },
      { body: { active: false } },
    ],
  },
  '/api/sla/policies/{id}': {
    as: 'admin',
    // Scoped to a category of its own, so no other ticket of this worker's database picks it.
    record: async () => {
      const category = await postOk('/api/feedback/categories', {
        code: unique('patch-sla-'),
        name: 'Chỉ cho chính sách thử',
      });
      return (
        await postOk('/api/sla/policies', {
          name: 'Chính sách thử',
          categoryId: category.id,
          firstResponseMinutes: 240,
          resolutionMinutes: 2400,
        })
      ).id;
    },
    read: inList('/api/sla/policies'),
    row: { table: 'sla_policies' },
    cases: [
      { body: { name: 'Chính sách thử (đổi tên)' } },
      { body: { firstResponseMinutes: 123.5 } },
      { body: { resolutionMinutes: 3000 } },
      { body: { forwardMinutes: 1200 } },
      { body: { warnPercent: 60 } },
      { body: { pauseWhenForwarded: true } },
      { body: { escalation: 'supervisor_queue' } },
      { body: { active: false } },
    ],
  },
  '/api/tickets/{id}': {
    as: 'operator1',
    record: async () =>
      (
        await postOk(
          '/api/tickets',
          {
            kind: 'question',
            channel: 'phone',
            phone: randomMobile(),
            subject: 'Hỏi thủ tục',
            content: 'Cho hỏi thủ tục cấp đổi',
          },
          'operator1',
        )
      ).id,
    read: (id) => getOk(`/api/tickets/${id}`, 'operator1'),
    row: { table: 'tickets' },
    cases: [
      { body: { subject: 'Hỏi thủ tục (sửa)' } },
      { body: { content: 'Nội dung đã sửa' } },
      { body: { dossierCode: 'HS-000123' } },
      { body: { bcciRequestId: 'YC-000123' } },
      { body: { attachments: [{ fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 2048 }] } },
      { body: () => ({ categoryId: shared.categoryId }), name: 'categoryId' },
      { body: { priority: 'urgent' } },
    ],
  },
  '/api/calls/{id}': {
    as: 'operator1',
    record: async () =>
      (
        await postOk(
          '/api/calls',
          {
            direction: 'inbound',
            channel: 'phone',
            phone: randomMobile(),
            startedAt: new Date(Date.now() - 600_000).toISOString(),
          },
          'operator1',
        )
      ).id,
    read: (id) => getOk(`/api/calls/${id}`, 'operator1'),
    row: { table: 'calls' },
    cases: [
      { body: { notes: 'Công dân hỏi lịch tiếp dân' } },
      { body: { outcome: 'guided' } },
      { body: () => ({ topicId: shared.topicId }), name: 'topicId' },
      { body: { requestId: randomUUID() } },
      { body: { ticketId: randomUUID() } },
      { body: () => ({ citizenId: shared.citizenId }), name: 'citizenId' },
      {
        body: { endedAt: new Date(Date.now() - 300_000).toISOString() },
        alsoChanges: ['state', 'waitSeconds', 'talkSeconds'],
      },
      // The version read (optimistic locking) alone changes nothing.
      { body: (before) => ({ version: before.version }), name: 'version (the one read)' },
    ],
  },
  '/api/call-topics/{id}': {
    as: 'admin',
    record: async () => (await postOk('/api/call-topics', { code: unique('patch_'), name: 'Chủ đề thử' })).id,
    read: inList('/api/call-topics?all=true'),
    row: { table: 'call_topics' },
    cases: [{ body: { name: 'Chủ đề thử (đổi tên)' } }, { body: { sortOrder: 7 } }, { body: { active: false } }],
  },
  '/api/citizens/{id}': {
    as: 'operator1',
    record: async () =>
      (
        await postOk(
          '/api/citizens',
          { phone: randomMobile(), fullName: 'Trần Thị Công Dân', email: 'congdan@example.vn', notes: 'Ghi chú đầu' },
          'operator1',
        )
      ).id,
    read: (id) => getOk(`/api/citizens/${id}`, 'operator1'),
    row: { table: 'citizens' },
    cases: [
      { body: { fullName: 'Trần Thị Công Dân (sửa)' } },
      { body: { kind: 'organisation' } },
      { body: { idNumber: '064090001234' } },
      { body: { addressDetail: '12 Trần Hưng Đạo' } },
      { body: () => ({ communeCode: shared.communes[1].code }), name: 'communeCode' },
      { body: { email: 'moi@example.vn' } },
      { body: { notes: 'Ghi chú mới' } },
      { body: { notes: null } },
      { body: { email: null } },
    ],
  },
  '/api/geo/units/{code}': {
    as: 'admin',
    record: async () => shared.communes.find((c) => !c.remoteArea)!.code,
    read: (code) => getOk(`/api/geo/units/${code}`),
    row: { table: 'administrative_units', key: 'code' },
    cases: [{ body: { remoteArea: true } }, { body: { remoteArea: false } }],
    restore: async (code, row) => {
      await db.query('UPDATE administrative_units SET remote_area = ? WHERE code = ?', [row.remoteArea, code]);
    },
  },
  '/api/post-offices/{id}': {
    as: 'admin',
    // Created inactive (and left inactive), so it never becomes the nearest office of another test's request.
    record: async () => {
      const c = shared.communes[0];
      return (
        await postOk('/api/post-offices', {
          code: unique('PT'),
          name: 'Bưu cục Thử',
          address: '1 Lê Lợi',
          communeCode: c.code,
          lat: c.lat,
          lng: c.lng,
          phone: '0269 3824 444',
          dailyCapacity: 30,
          active: false,
        })
      ).id;
    },
    read: (id) => getOk(`/api/post-offices/${id}`),
    row: { table: 'post_offices' },
    cases: [
      { body: { name: 'Bưu cục Thử (đổi tên)' } },
      { body: { address: '69 Hùng Vương' } },
      // Its own commune is always served: the service area follows.
      { body: () => ({ communeCode: shared.communes[1].code }), name: 'communeCode', alsoChanges: ['serviceArea'] },
      { body: { lat: 13.98765 } },
      { body: { lng: 108.01234 } },
      { body: { phone: '0269 3888 222' }, shows: { phone: normalizePhone('0269 3888 222') } },
      { body: { phone: null } },
      { body: { openingHours: { mon: [['07:00', '11:00']], sat: [['08:00', '10:00']] } } },
      { body: { dailyCapacity: 20 } },
      { body: { active: true } },
      { body: { active: false } },
      {
        body: () => ({ serviceArea: [shared.communes[2].code] }),
        name: 'serviceArea',
        shows: (before) => ({ serviceArea: expect.arrayContaining([before.communeCode, shared.communes[2].code]) }),
      },
    ],
  },
  '/api/bcci-tariffs/{id}': {
    as: 'admin',
    record: async () => ((await getOk('/api/bcci-tariffs')).items as Json[])[0].id as string,
    read: inList('/api/bcci-tariffs'),
    row: { table: 'bcci_tariffs' },
    cases: [
      { body: (before) => ({ priceVnd: (before.priceVnd as number) + 1000 }), name: 'priceVnd' },
      { body: (before) => ({ dueWorkingDays: (before.dueWorkingDays as number) + 1 }), name: 'dueWorkingDays' },
      { body: (before) => ({ active: !before.active }), name: 'active' },
    ],
    restore: async (id, row) => {
      await db.query('UPDATE bcci_tariffs SET price_vnd = ?, due_working_days = ?, active = ? WHERE id = ?', [
        row.priceVnd,
        row.dueWorkingDays,
        row.active,
        id,
      ]);
    },
  },
  '/api/bcci-promotions/{id}': {
    as: 'admin',
    // A window in 2001: it never prices another test's request.
    record: async () =>
      (
        await postOk('/api/bcci-promotions', {
          name: 'Khuyến mãi thử',
          startsOn: '2001-01-01',
          endsOn: '2001-01-31',
          percent: 10,
          legKinds: ['pickup'],
        })
      ).id,
    read: inList('/api/bcci-promotions'),
    row: { table: 'bcci_promotions' },
    cases: [
      { body: { name: 'Khuyến mãi thử (đổi tên)' } },
      { body: { startsOn: '2001-01-02' } },
      { body: { endsOn: '2001-02-28' } },
      { body: { percent: 20 } },
      { body: { legKinds: ['pickup', 'return'] } },
      { body: { serviceLevels: ['2', '3'] } },
      { body: { fields: ['Đất đai'] } },
      // The admin screen's on/off switch.
      { body: { active: false } },
    ],
  },
};

beforeAll(async () => {
  api = await startApi();
  db = api.app.get(DataSource);
  tokens.admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
  tokens.operator1 = (await login(api, 'operator1')).accessToken;
  shared.officeIds = ((await getOk('/api/post-offices?limit=2')).items as Json[]).map((o) => o.id as string);
  shared.communes = (
    (await getOk('/api/geo/units')).items as Array<{ code: string; lat: number; lng: number; remoteArea: boolean }>
  ).slice(10, 20);
  shared.categoryId = ((await getOk('/api/feedback/categories')).items as Json[]).find((c) => c.active)!.id as string;
  shared.topicId = ((await getOk('/api/call-topics')) as { items: Json[] }).items[0].id as string;
  shared.citizenId = (await postOk('/api/citizens', { phone: randomMobile(), fullName: 'Người gọi' }, 'operator1')).id;
});
afterAll(() => api?.close());

it('has an entry for every PATCH route of the running api and a case for every field of its body', async () => {
  const doc = (await api.http.get('/docs/openapi.json')).body as {
    paths: Record<string, Record<string, any>>;
    components: { schemas: Record<string, any> };
  };
  const patchRoutes = Object.keys(doc.paths)
    .filter((p) => doc.paths[p].patch)
    .sort();
  expect(patchRoutes.length).toBeGreaterThan(0);
  // Each field of each PATCH body is tried alone at least once.
  const untried: string[] = [];
  for (const path of patchRoutes.filter((p) => ROUTES[p])) {
    const ref: string | undefined = doc.paths[path].patch.requestBody?.content?.['application/json']?.schema?.$ref;
    const fields = Object.keys(ref ? (doc.components.schemas[ref.split('/').pop()!].properties ?? {}) : {});
    const tried = new Set(ROUTES[path].cases.map((c) => c.name?.split(' ')[0] ?? Object.keys(c.body as Json)[0]));
    untried.push(...fields.filter((f) => !tried.has(f)).map((f) => `PATCH ${path} ${f}`));
  }
  expect({
    'PATCH routes without an entry in the table of test/patch-routes.e2e-spec.ts': patchRoutes
      .filter((p) => !ROUTES[p])
      .map((p) => `PATCH ${p}`),
    'entries of the table that are no PATCH route': Object.keys(ROUTES).filter((p) => !patchRoutes.includes(p)),
    'PATCH body fields that no case sends alone': untried,
  }).toEqual({
    'PATCH routes without an entry in the table of test/patch-routes.e2e-spec.ts': [],
    'entries of the table that are no PATCH route': [],
    'PATCH body fields that no case sends alone': [],
  });
});

describe.each(Object.keys(ROUTES))('PATCH %s', (path) => {
  const route = ROUTES[path];
  let key: string;
  let original: Json;

  beforeAll(async () => {
    key = await route.record();
    original = await readRow(route.row.table, route.row.key ?? 'id', key);
  });
  afterAll(async () => {
    if (key && route.restore) await route.restore(key, original);
  });

  const named = route.cases.map((c) => [c.name ?? JSON.stringify(c.body), c] as const);
  it.each(named)('%s alone changes that field and nothing else', async (_name, c) => {
    const beforeView = await route.read(key);
    const beforeRow = await readRow(route.row.table, route.row.key ?? 'id', key);
    const body = typeof c.body === 'function' ? c.body(beforeView) : c.body;
    const url = path.replace(/\{[a-z]+\}/i, key);

    const res = await api.http.patch(url).set(as(route.as)).send(body);
    // The route and the error are in the diff when this fails.
    expect({
      route: `PATCH ${path}`,
      body,
      status: res.status,
      ...(res.status === 200 ? {} : { error: res.body }),
    }).toEqual({ route: `PATCH ${path}`, body, status: 200 });

    const afterView = await route.read(key);
    const afterRow = await readRow(route.row.table, route.row.key ?? 'id', key);
    const sent = new Set([...Object.keys(body), ...(c.alsoChanges ?? []), ...ALWAYS_MAY_CHANGE]);
    // The fields sent show the new value...
    const shows = { ...body, ...(typeof c.shows === 'function' ? c.shows(beforeView) : c.shows) };
    expect(Object.fromEntries(Object.keys(shows).map((k) => [k, afterView[k]]))).toEqual(shows);
    // ...and every other one is as it was, in the view and in the row.
    expect(without(afterView, sent)).toEqual(without(beforeView, sent));
    expect(without(afterRow, sent)).toEqual(without(beforeRow, sent));
  });
});
