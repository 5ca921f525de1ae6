import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { createConnection, type Connection } from 'mysql2/promise';
import type { Page } from '@hotline/contracts';
import { type AppConfig, Clock } from '@hotline/core';
import { ROOT_ROUTES } from '../../apps/api/src/bootstrap';
import { ALWAYS_OPEN } from '../dispatch/dispatch-fixtures';
import { TEST_DB_PREFIX, workerId } from '../setup/test-env';
import { ADMIN_PASSWORD, type TestApi, startApi, startWorker, testConfig, unique } from '../helpers/test-app';

/**
 * The machinery of test/concurrency/write-routes.e2e-spec.ts: a restartable api (a starved pool never recovers, so the next
 * route gets a fresh api instead of inheriting the hang), requests with a hard timeout, the health probe, fixtures built
 * through the api at a concurrency the pool always survives, and the list of write routes the running app serves.
 */

export type HttpMethod = 'post' | 'patch' | 'put' | 'delete' | 'get';
export const WRITE_METHODS: readonly HttpMethod[] = ['post', 'patch', 'put', 'delete'];

/** No request of a burst may take longer than this (a starved pool has no acquire timeout: it would wait for ever). */
export const REQUEST_TIMEOUT_MS = 20_000;
/** The health probe and the login after each burst. */
export const PROBE_TIMEOUT_MS = 5_000;
/** Fixture requests (never more than fixtureConcurrency() at once). */
export const FIXTURE_TIMEOUT_MS = 15_000;
/** Fixtures are built through the api too, but never at a concurrency that could starve it: they must not be what fails. */
export const fixtureConcurrency = (config: AppConfig) => Math.max(1, Math.floor((config.db.poolSize - 1) / 2));

export const PASSWORD = 'Conc@2026a';
export const NEW_PASSWORD = 'Conc@2026b';

export interface Req {
  path: string;
  token?: string | null;
  body?: unknown;
  /** superagent's `.type()`: 'form', 'text/csv'... */
  type?: string;
  headers?: Record<string, string>;
}

export interface Outcome {
  status: number | 'timeout' | 'error';
  body: unknown;
  ms: number;
}

export const json = (v: unknown, max = 400) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > max ? `${s.slice(0, max)}…` : s;
};

/** Runs `fn` over `items`, at most `concurrency` at a time, keeping the order of the results. */
export async function inBatches<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
}

export const times = (n: number) => Array.from({ length: n }, (_, i) => i);

export function randomMobile(prefix = '097'): string {
  return `${prefix}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}
export const e164 = (national: string) => `+84${national.slice(1)}`;
export const extension = () => String(randomInt(1_000_000, 9_999_999));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no end within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** `/api/tickets/{id}/replies` → a regex matching concrete paths of that template. */
export function templateRegex(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}(\\?.*)?$`);
}

/**
 * How far `Date.now()` jumps at each burst: more than the longest in-process cache lifetime of the product (pricing 60 s;
 * communes 30 s; staff directory 10 s; calendars, PBX tokens and blocked numbers 5 s).
 */
export const STALE_STEP_MS = 61_000;

/** Environment the processes of this suite boot with (read at boot), put back when the suite ends. */
const SUITE_ENV: Record<string, string> = {
  // Pending offers must not time out while the clock jumps ahead for a burst (see withStaleCaches).
  DISPATCH_ACCEPT_TIMEOUT_SECONDS: '86400',
};

export class Harness {
  // Access tokens of the fixtures must outlive the clock jumps of the whole suite (see withStaleCaches). Its own database:
  // the hundreds of offices, promotions, topics and callbacks its bursts create would otherwise sit in the worker's shared
  // database and change what the suites that run after it on that worker see (routing, first pages of admin lists).
  readonly config: AppConfig = testConfig({
    JWT_ACCESS_TTL_SECONDS: '86400',
    DB_NAME: `${TEST_DB_PREFIX}${workerId()}_writes`,
  });
  api!: TestApi;
  worker: INestApplicationContext | null = null;
  db!: Connection;
  /** Api instances replaced because a burst left the previous one unhealthy. */
  restarts = 0;
  private bursts = 0;
  private readonly savedEnv: Record<string, string | undefined> = {};

  get poolSize(): number {
    return this.config.db.poolSize;
  }

  async start(): Promise<void> {
    for (const [k, v] of Object.entries(SUITE_ENV)) {
      this.savedEnv[k] = process.env[k];
      process.env[k] = v;
    }
    this.api = await startApi({}, { config: this.config });
    this.worker = await startWorker(this.config);
    const c = this.config.db;
    this.db = await createConnection({
      host: c.host,
      port: c.port,
      user: c.username,
      password: c.password,
      database: c.database,
      decimalNumbers: true,
    });
  }

  /** A new api instance on the same database and Redis prefix (access tokens stay valid: same secret, sessions in MySQL). */
  async restartApi(): Promise<void> {
    const old = this.api;
    try {
      await withTimeout(old.close(), 15_000, 'closing the unhealthy api');
    } catch (err) {
      process.stderr.write(`write-routes: ${(err as Error).message}; starting a new one anyway\n`);
    }
    this.api = await startApi({}, { config: this.config, seed: false });
    this.restarts++;
  }

  async close(): Promise<void> {
    try {
      await this.worker?.close();
      await this.api?.close();
      await this.db?.query(`DROP DATABASE IF EXISTS \`${this.config.db.database}\``).catch(() => undefined);
      await this.db?.end().catch(() => undefined);
    } finally {
      for (const [k, v] of Object.entries(this.savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  /**
   * Runs a burst with every in-process cache of the api and the worker stale, as after a quiet minute in production: a
   * transaction that reads a cached lookup (calendar, communes, staff...) through the DataSource must not pass only because a
   * fixture request warmed that cache a moment before. `Date.now()` — which the caches age by; the api and the worker run in
   * this jest process — jumps further ahead at every burst (cumulative, so that what a previous burst cached is stale too),
   * while their `Clock`, and so every instant they compute and store, is travelled back by the same amount and stays on real
   * time. Restored as soon as the burst has answered.
   */
  async withStaleCaches<T>(fn: () => Promise<T>): Promise<T> {
    const shift = ++this.bursts * STALE_STEP_MS;
    const realNow = Date.now.bind(Date);
    const clocks = [this.api.app.get(Clock), ...(this.worker ? [this.worker.get(Clock)] : [])];
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
    for (const c of clocks) c.travel(-shift);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
      for (const c of clocks) c.travel(shift);
    }
  }

  async q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.db.query(sql, params);
    return rows as T[];
  }

  /** One request with a hard timeout; never throws. */
  async call(method: HttpMethod, req: Req, ms = REQUEST_TIMEOUT_MS): Promise<Outcome> {
    const started = performance.now();
    let t = this.api.http[method](req.path).timeout({ response: ms, deadline: ms });
    if (req.token) t = t.set('authorization', `Bearer ${req.token}`);
    for (const [k, v] of Object.entries(req.headers ?? {})) t = t.set(k, v);
    if (req.type) t = t.type(req.type);
    try {
      const res = await (req.body === undefined ? t : t.send(req.body as string | object));
      const body =
        res.body !== undefined &&
        !(
          typeof res.body === 'object' &&
          res.body !== null &&
          !Array.isArray(res.body) &&
          Object.keys(res.body).length === 0
        )
          ? res.body
          : res.text;
      return { status: res.status, body, ms: Math.round(performance.now() - started) };
    } catch (err) {
      const e = err as { timeout?: number; message?: string };
      return {
        status: e.timeout ? 'timeout' : 'error',
        body: e.message ?? String(err),
        ms: Math.round(performance.now() - started),
      };
    }
  }

  /** A fixture request: must answer 2xx (or exactly `expected`), else the setup fails saying which request. */
  async ok<T = any>(method: HttpMethod, req: Req, expected?: number): Promise<T> {
    const r = await this.call(method, req, FIXTURE_TIMEOUT_MS);
    if (
      typeof r.status !== 'number' ||
      r.status < 200 ||
      r.status >= 300 ||
      (expected !== undefined && r.status !== expected)
    ) {
      throw new Error(
        `fixture ${method.toUpperCase()} ${req.path} answered ${r.status}${expected ? ` (expected ${expected})` : ''}: ${json(r.body)}`,
      );
    }
    return r.body as T;
  }

  async login(
    username: string,
    password = PASSWORD,
  ): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }> {
    return this.ok('post', { path: '/api/auth/login', body: { username, password } }, 200);
  }

  /** After a burst: `GET /health` says the database is up and a login goes through. Returns the problems (none: healthy). */
  async healthProblems(): Promise<string[]> {
    const problems: string[] = [];
    const h = await this.call('get', { path: '/health' }, PROBE_TIMEOUT_MS);
    const db = (h.body as { details?: { database?: { status?: string } } } | undefined)?.details?.database?.status;
    if (h.status !== 200 || db !== 'up')
      problems.push(`GET /health answered ${h.status} (database ${db ?? 'unknown'}): ${json(h.body)}`);
    const l = await this.call(
      'post',
      { path: '/api/auth/login', body: { username: 'admin', password: ADMIN_PASSWORD } },
      PROBE_TIMEOUT_MS,
    );
    if (l.status !== 200 || !(l.body as { accessToken?: string })?.accessToken)
      problems.push(`POST /api/auth/login answered ${l.status}: ${json(l.body)}`);
    return problems;
  }

  /** Polls MySQL until `check` holds (the worker's routing, the mail sender...). */
  async until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`fixture: ${what} did not happen within ${ms} ms`);
      await sleep(50);
    }
  }
}

/** Every POST/PATCH/PUT/DELETE route, as `METHOD /path/{param}`, from the OpenAPI document the api serves. */
export async function openApiWriteRoutes(h: Harness): Promise<string[]> {
  const res = await h.call('get', { path: '/docs/openapi.json' }, PROBE_TIMEOUT_MS);
  if (res.status !== 200) throw new Error(`GET /docs/openapi.json answered ${res.status}`);
  const paths = (res.body as { paths: Record<string, Record<string, unknown>> }).paths;
  const out: string[] = [];
  for (const [path, ops] of Object.entries(paths))
    for (const m of Object.keys(ops))
      if ((WRITE_METHODS as string[]).includes(m)) out.push(`${m.toUpperCase()} ${path}`);
  return out.sort();
}

/** The same, from the controllers' metadata the router is built from (a route hidden from Swagger is still served). */
export function registeredWriteRoutes(h: Harness): string[] {
  const app = h.api.app;
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const out: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as { prototype: Record<string, unknown> } | undefined;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = type.prototype[name] as () => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      if (!['POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const joined = [base, String(sub)]
        .filter((p) => p && p !== '/')
        .join('/')
        .replace(/\/+/g, '/')
        .replace(/^\//, '');
      const atRoot = ROOT_ROUTES.some((r) => r.path === joined);
      out.push(`${method} ${atRoot ? '' : '/api'}/${joined.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return out.sort();
}

// ---- the world every route's fixtures live in ------------------------------------------------------------------------------

/** Index of the commune whose BCCI traffic goes to this suite's own always-open office (not used by other suites). */
export const COMMUNE_INDEX = 123;

export interface World {
  admin: string;
  supervisor: { id: string; token: string };
  /** The operator of the suite (extension known to the PBX). */
  operator: { id: string; token: string; extension: string };
  dispatcher: { id: string; token: string };
  commune: string;
  point: { lat: number; lng: number };
  office: { id: string; code: string };
  /** Demo offices serving the commune, switched off for the suite and switched back on at the end. */
  disabledDemoOffices: string[];
  /** Twelve-plus other communes with their remote-area flag (PATCH /geo/units sets each to what it already is). */
  communes: Array<{ code: string; remoteArea: boolean }>;
  pbx: { id: string; token: string };
  agencyId: string;
  categoryId: string;
  calendarId: string;
  topicId: string;
}

export async function buildWorld(h: Harness): Promise<World> {
  const admin = (await h.login('admin', ADMIN_PASSWORD)).accessToken;
  const { items: units } = await h.ok<Page<{ code: string; lat: number; lng: number; remoteArea: boolean }>>('get', {
    path: '/api/geo/units',
    token: admin,
  });
  const unit = units[COMMUNE_INDEX];
  const point = { lat: Number(unit.lat) + 0.03, lng: Number(unit.lng) + 0.03 };
  const demo = await h.q<{ id: string }>(
    'SELECT DISTINCT o.id FROM post_offices o JOIN post_office_service_areas sa ON sa.post_office_id = o.id WHERE sa.commune_code = ? AND o.active = 1',
    [unit.code],
  );
  const disabledDemoOffices = demo.map((d) => d.id);
  if (disabledDemoOffices.length)
    await h.q(
      `UPDATE post_offices SET active = 0, updated_at = NOW(3) WHERE id IN (${disabledDemoOffices.map(() => '?').join(',')})`,
      disabledDemoOffices,
    );
  const code = unique('CONC').toUpperCase();
  const office = await h.ok<{ id: string }>(
    'post',
    {
      path: '/api/post-offices',
      token: admin,
      body: {
        code,
        name: 'Bưu điện kiểm thử đồng thời',
        address: '1 Trần Hưng Đạo',
        communeCode: unit.code,
        lat: point.lat,
        lng: point.lng,
        openingHours: ALWAYS_OPEN,
        dailyCapacity: 100_000,
        serviceArea: [unit.code],
      },
    },
    201,
  );
  const mkUser = async (prefix: string, role: string, extra: Record<string, unknown> = {}) => {
    const username = unique(prefix);
    const u = await h.ok<{ id: string }>(
      'post',
      {
        path: '/api/users',
        token: admin,
        body: { username, fullName: `Kiểm thử ${username}`, password: PASSWORD, role, ...extra },
      },
      201,
    );
    return { id: u.id, token: (await h.login(username)).accessToken };
  };
  const opExt = extension();
  const operator = { ...(await mkUser('conc.op.', 'operator', { extension: opExt })), extension: opExt };
  const supervisor = await mkUser('conc.sup.', 'supervisor');
  const dispatcher = await mkUser('conc.disp.', 'dispatcher', { postOfficeId: office.id });
  const pbx = await h.ok<{ id: string; token: string }>(
    'post',
    { path: '/api/cti/tokens', token: admin, body: { name: unique('conc-pbx-') } },
    201,
  );
  const agency = await h.ok<{ id: string }>(
    'post',
    {
      path: '/api/feedback/agencies',
      token: admin,
      body: { code: unique('zz-conc-'), name: 'ZZ Sở kiểm thử đồng thời', email: 'conc-agency@example.test' },
    },
    201,
  );
  const category = await h.ok<{ id: string }>(
    'post',
    {
      path: '/api/feedback/categories',
      token: admin,
      body: { code: unique('zz-conc-'), name: 'ZZ Kiểm thử đồng thời' },
    },
    201,
  );
  const calendars = (
    await h.ok<Page<{ id: string; isDefault: boolean }>>('get', { path: '/api/sla/calendars', token: admin })
  ).items;
  const topics = (await h.ok<{ items: Array<{ id: string }> }>('get', { path: '/api/call-topics', token: admin }))
    .items;
  return {
    admin,
    supervisor,
    operator,
    dispatcher,
    commune: unit.code,
    point,
    office: { id: office.id, code },
    disabledDemoOffices,
    communes: units
      .filter((u) => u.code !== unit.code)
      .slice(-14)
      .map((u) => ({ code: u.code, remoteArea: !!u.remoteArea })),
    pbx: { id: pbx.id, token: pbx.token },
    agencyId: agency.id,
    categoryId: category.id,
    calendarId: calendars.find((c) => c.isDefault)!.id,
    topicId: topics[0].id,
  };
}

/** Puts back what the suite changed that other suites of this jest worker (same database) could see. */
export async function restoreWorld(h: Harness, w: World): Promise<void> {
  await h.q('UPDATE post_offices SET active = 0, updated_at = NOW(3) WHERE id = ? OR code LIKE ?', [
    w.office.id,
    'CONC%',
  ]);
  if (w.disabledDemoOffices.length)
    await h.q(
      `UPDATE post_offices SET active = 1, updated_at = NOW(3) WHERE id IN (${w.disabledDemoOffices.map(() => '?').join(',')})`,
      w.disabledDemoOffices,
    );
  await h.q('UPDATE feedback_categories SET active = 0 WHERE code LIKE ?', ['zz-conc-%']);
  await h.q('UPDATE agencies SET active = 0 WHERE code LIKE ?', ['zz-conc-%']);
  await h.q('UPDATE call_topics SET active = 0 WHERE code LIKE ?', ['conc\\_%']);
  await h.q('UPDATE users SET disabled_at = NOW(3) WHERE username LIKE ? AND disabled_at IS NULL', ['conc.%']);
}

// ---- fixtures -------------------------------------------------------------------------------------------------------------

export interface NewUser {
  id: string;
  username: string;
  token?: string;
}

/** `n` users created by the admin (and logged in when asked), fixtureConcurrency() at a time. */
export async function newUsers(
  h: Harness,
  w: World,
  n: number,
  { role, login = false }: { role: 'operator' | 'supervisor' | 'dispatcher'; login?: boolean },
): Promise<NewUser[]> {
  return inBatches(times(n), fixtureConcurrency(h.config), async (i) => {
    const username = `${unique(`conc.${role.slice(0, 4)}.`)}${i}`;
    const body: Record<string, unknown> = { username, fullName: `Kiểm thử ${username}`, password: PASSWORD, role };
    if (role === 'dispatcher') body.postOfficeId = w.office.id;
    const u = await h.ok<{ id: string }>('post', { path: '/api/users', token: w.admin, body }, 201);
    return { id: u.id, username, token: login ? (await h.login(username)).accessToken : undefined };
  });
}

export async function newCitizens(
  h: Harness,
  w: World,
  n: number,
  extra: Record<string, unknown> = {},
): Promise<Array<{ id: string; phone: string }>> {
  return inBatches(times(n), fixtureConcurrency(h.config), async (i) => {
    const phone = randomMobile('096');
    const c = await h.ok<{ id: string }>(
      'post',
      {
        path: '/api/citizens',
        token: w.operator.token,
        body: { phone, fullName: `Công dân kiểm thử ${i}`, communeCode: w.commune, ...extra },
      },
      201,
    );
    return { id: c.id, phone };
  });
}

export function ticketBody(w: World, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'feedback',
    channel: 'phone',
    phone: randomMobile('098'),
    citizenName: 'Rơ Châm H’Bia',
    subject: 'Hồ sơ cấp đổi giấy phép lái xe chưa có kết quả',
    content: 'Công dân phản ánh hồ sơ nộp trực tuyến quá hạn hẹn trả.',
    ...extra,
  };
}

export interface NewTicket {
  id: string;
  code: string;
}

export async function newTickets(
  h: Harness,
  w: World,
  n: number,
  extra: Record<string, unknown> = {},
): Promise<NewTicket[]> {
  return inBatches(times(n), fixtureConcurrency(h.config), async () => {
    const t = await h.ok<NewTicket>(
      'post',
      { path: '/api/tickets', token: w.operator.token, body: ticketBody(w, extra) },
      201,
    );
    return { id: t.id, code: t.code };
  });
}

/** A ticket forwarded to the suite's agency: its forward id and the mail of that forward. */
export async function forwardedTicket(
  h: Harness,
  w: World,
): Promise<{ ticketId: string; forwardId: string; mailId: string }> {
  const [t] = await newTickets(h, w, 1);
  await h.ok(
    'post',
    {
      path: `/api/tickets/${t.id}/forwards`,
      token: w.operator.token,
      body: { agencyId: w.agencyId, note: 'Đề nghị Sở xem xét, trả lời công dân.' },
    },
    201,
  );
  const [fwd] = await h.q<{ id: string }>('SELECT id FROM ticket_forwards WHERE ticket_id = ?', [t.id]);
  const [mail] = await h.q<{ id: string }>('SELECT id FROM mail_outbox WHERE ticket_id = ?', [t.id]);
  return { ticketId: t.id, forwardId: fwd.id, mailId: mail.id };
}

export function bcciBody(w: World, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    option: 'send_dossier',
    dossierCode: unique('HS-CONC-'),
    procedureName: 'Cấp đổi giấy phép lái xe',
    field: 'Giao thông vận tải',
    agency: 'Sở Xây dựng tỉnh Gia Lai',
    serviceLevel: '3',
    phone: randomMobile('094'),
    contactName: 'Siu Thị Hoa',
    pickupAddress: { detail: '45 Lê Lợi', communeCode: w.commune, lat: w.point.lat, lng: w.point.lng },
    feeOnBehalf: 50_000,
    ...extra,
  };
}

export type LegTarget = 'assigned' | 'unroutable' | 'accepted' | 'courier_assigned' | 'picked_up' | 'failed_twice';

const legStates = async (h: Harness, ids: string[]) =>
  ids.length
    ? h.q<{ id: string; state: string }>(
        `SELECT id, state FROM bcci_legs WHERE id IN (${ids.map(() => '?').join(',')})`,
        ids,
      )
    : [];

/** Routing is the worker's: usually a few ms; up to a minute in the last minute of the day (offices open 00:00–23:59). */
async function waitLegs(h: Harness, ids: string[], state: string): Promise<void> {
  await h.until(
    `legs reaching ${state}`,
    async () => (await legStates(h, ids)).every((l) => l.state === state),
    75_000,
  );
}

/**
 * `n` BCCI legs (one pickup leg per request) brought to `target` the way the hotline does it: created by the operator, routed by
 * the worker to the suite's office, then answered and handled by its dispatcher. `failed_twice`: two failed attempts, the first
 * moved 14 days back so that a return to the agency is allowed (Circular 17/2017).
 */
export async function newLegs(h: Harness, w: World, n: number, target: LegTarget): Promise<string[]> {
  const c = fixtureConcurrency(h.config);
  const d = w.dispatcher.token;
  const ids = await inBatches(times(n), c, async () => {
    const r = await h.ok<{ legs: Array<{ id: string }> }>(
      'post',
      { path: '/api/bcci-requests', token: w.operator.token, body: bcciBody(w) },
      201,
    );
    return r.legs[0].id;
  });
  await waitLegs(h, ids, 'assigned');
  if (target === 'assigned') return ids;
  if (target === 'unroutable') {
    await inBatches(ids, c, (id) =>
      h.ok(
        'post',
        { path: `/api/bcci-legs/${id}/reject`, token: d, body: { reason: 'Không đủ bưu tá trong ngày' } },
        200,
      ),
    );
    await waitLegs(h, ids, 'unroutable');
    return ids;
  }
  await inBatches(ids, c, (id) => h.ok('post', { path: `/api/bcci-legs/${id}/accept`, token: d }, 200));
  if (target === 'accepted') return ids;
  await inBatches(ids, c, (id) =>
    h.ok('post', { path: `/api/bcci-legs/${id}/courier`, token: d, body: { courierName: 'Bưu tá Y Nhi' } }, 200),
  );
  if (target === 'courier_assigned') return ids;
  if (target === 'failed_twice') {
    for (const reason of ['Không có người nhận', 'Vẫn vắng nhà'])
      await inBatches(ids, c, (id) =>
        h.ok('post', { path: `/api/bcci-legs/${id}/fail`, token: d, body: { reason } }, 200),
      );
    for (const id of ids) {
      const [first] = await h.q<{ id: string }>(
        "SELECT id FROM audit_log WHERE entity_type = 'bcci_leg' AND entity_id = ? AND to_state = 'failed_attempt' ORDER BY at ASC, id ASC LIMIT 1",
        [id],
      );
      await h.q('UPDATE audit_log SET at = at - INTERVAL 14 DAY WHERE id = ?', [first.id]);
    }
    return ids;
  }
  await inBatches(ids, c, (id) =>
    h.ok(
      'post',
      {
        path: `/api/bcci-legs/${id}/pickup`,
        token: d,
        body: {
          checklist: {
            missingDocuments: [],
            slipSignedByBoth: true,
            sealedInFrontOfCitizen: true,
            feeReceiptNumber: unique('BL-'),
          },
          feeCollected: 50_000,
        },
      },
      200,
    ),
  );
  return ids;
}

/** A callback task, opened the way the PBX opens them: an inbound call hung up unanswered. */
export async function newCallbacks(h: Harness, w: World, n: number): Promise<Array<{ id: string; phone: string }>> {
  return inBatches(times(n), fixtureConcurrency(h.config), async () => {
    const phone = randomMobile('093');
    await h.ok(
      'post',
      {
        path: '/api/cti/events',
        headers: { 'x-cti-token': w.pbx.token },
        body: {
          event: 'hangup',
          call_id: unique('conc-missed-'),
          direction: 'inbound',
          from: phone,
          to: '02693888222',
          queue: 'hotline',
          cause: 'cancel',
        },
      },
      200,
    );
    const [cb] = await h.q<{ id: string }>("SELECT id FROM callbacks WHERE open_phone = ? AND state = 'open'", [
      e164(phone),
    ]);
    if (!cb) throw new Error(`fixture: no callback opened for ${phone}`);
    return { id: cb.id, phone };
  });
}
