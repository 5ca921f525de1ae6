// Calls context: CTI event ingestion rate and caller lookup (screen-pop) latency with 1 M seeded calls, each beside a
// raw mysql2 floor doing the same statements in the same run. Also prints EXPLAIN of the call-log list queries.
//   BENCH_CALLS=1000000 (rows seeded), BENCH_CTI_CALLS=1500 (calls × 3 events), BENCH_LOOKUPS=3000
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cpuPerRequest, fmtCpu } from './lib/cpu.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const mysql = require('mysql2/promise');

const DB = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
};
const DB_NAME = 'bench_calls';
const PORT = 3991;
const BASE = `http://127.0.0.1:${PORT}`;
const ROWS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const CTI_CALLS = Number(process.env.BENCH_CTI_CALLS ?? 1500);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 3000);
const PHONES = Math.max(1000, Math.round(ROWS / 5)); // ≈ 5 calls per number on average
const CITIZENS = Math.round(PHONES / 4); // a quarter of the numbers belong to a known citizen
/** Ingestion is measured under load (16 concurrent PBX connections); lookups at 4 concurrent operators. */
const CONCURRENCY = 16;
const LOOKUP_CONCURRENCY = 4;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmtLat = (r) =>
  `${String(r.rps).padStart(6)} /s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`;

async function load(n, fn, concurrency = CONCURRENCY) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { rps: Math.round((n / total) * 1000), p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
}

/** Time-ordered UUID v7 (as the app makes them) so that the clustered index stays append-mostly. */
function uuidv7(ms) {
  const b = randomBytes(16);
  for (let i = 0; i < 6; i++) b[i] = Number((BigInt(ms) >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const phoneOf = (i) => `+8491${String(i).padStart(7, '0')}`;
const national = (i) => `091${String(i).padStart(7, '0')}`;

/** Citizens and their numbers: a quarter of the numbers belong to a known citizen. Returns their ids by number index. */
async function seedCitizens(pool, now) {
  const citizenIds = [];
  for (let from = 0; from < CITIZENS; from += 5000) {
    const cs = [];
    const ps = [];
    for (let i = from; i < Math.min(CITIZENS, from + 5000); i++) {
      const id = uuidv7(now.getTime() - (CITIZENS - i));
      citizenIds[i] = id;
      cs.push([id, `Công dân ${i}`, 'person', '23575', now, now, 1]);
      ps.push([phoneOf(i), id, 1, now]);
    }
    await pool.query(
      'INSERT INTO citizens (id, full_name, kind, commune_code, created_at, updated_at, version) VALUES ?',
      [cs],
    );
    await pool.query('INSERT INTO citizen_phones (phone, citizen_id, is_primary, created_at) VALUES ?', [ps]);
  }
  return citizenIds;
}

const OUTCOMES = [
  'guided',
  'guided',
  'guided',
  'request_created',
  'ticket_created',
  'transferred',
  'missed',
  'abandoned',
];
const BATCH = 5000;

/** Row `i` of the seeded calls: over the last 2 years in start order, ≈ 5 calls per number. */
function callRow(i, { t0, span, citizenIds, ops, topics }) {
  const startMs = t0 + Math.floor((i / ROWS) * span);
  const started = new Date(startMs);
  const p = (i * 7919) % PHONES;
  const outcome = OUTCOMES[i % OUTCOMES.length];
  const answered = outcome === 'missed' || outcome === 'abandoned' ? null : new Date(startMs + 8000);
  const ended = new Date(startMs + 120_000);
  return [
    uuidv7(startMs),
    'inbound',
    'phone',
    'ended',
    phoneOf(p),
    0,
    p < CITIZENS ? citizenIds[p] : null,
    answered ? ops[i % ops.length].id : null,
    started,
    answered,
    ended,
    answered ? 8 : 120,
    answered ? 112 : null,
    topics[i % topics.length].id,
    outcome,
    started,
    started,
    1,
  ];
}

/** The calls, in 5000-row INSERTs on 4 parallel connections. */
async function seedCalls(pool, ctx) {
  let nextBatch = 0;
  const batches = Math.ceil(ROWS / BATCH);
  const writer = async () => {
    const conn = await pool.getConnection();
    try {
      await conn.query('SET unique_checks = 0');
      while (nextBatch < batches) {
        const b = nextBatch++;
        const rows = [];
        for (let i = b * BATCH; i < Math.min(ROWS, (b + 1) * BATCH); i++) rows.push(callRow(i, ctx));
        await conn.query(
          'INSERT INTO calls (id, direction, channel, state, phone, withheld, citizen_id, operator_id, started_at, answered_at, ended_at, wait_seconds, talk_seconds, topic_id, outcome, created_at, updated_at, version) VALUES ?',
          [rows],
        );
      }
    } finally {
      conn.release();
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
}

async function seed(pool, log) {
  const started = performance.now();
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM calls');
  if (n >= ROWS) return log(`seed: ${n} calls already there`);
  const [ops] = await pool.query("SELECT id FROM users WHERE role = 'operator'");
  const [topics] = await pool.query('SELECT id FROM call_topics');
  const now = new Date();
  const citizenIds = await seedCitizens(pool, now);
  const span = 2 * 365 * 86400_000;
  await seedCalls(pool, { t0: now.getTime() - span - 86400_000, span, citizenIds, ops, topics });
  await pool.query('ANALYZE TABLE calls, citizen_phones, citizens');
  log(
    `seed: ${ROWS} calls, ${PHONES} numbers, ${CITIZENS} citizens in ${((performance.now() - started) / 1000).toFixed(1)} s (multi-row INSERTs of ${BATCH})`,
  );
}

/** The same statements as CallerLookupService, through raw mysql2. */
async function rawLookup(pool, e164) {
  const [[link]] = await pool.query('SELECT citizen_id FROM citizen_phones WHERE phone = ?', [e164]);
  let phones = [e164];
  if (link) {
    await pool.query('SELECT * FROM citizens WHERE id = ?', [link.citizen_id]);
    const [ps] = await pool.query(
      'SELECT phone, is_primary, label FROM citizen_phones WHERE citizen_id = ? ORDER BY is_primary DESC, created_at ASC',
      [link.citizen_id],
    );
    phones = ps.map((p) => p.phone);
  }
  await Promise.all([
    pool.query(
      'SELECT id, direction, channel, started_at, outcome, topic_id, operator_id, talk_seconds FROM calls WHERE phone IN (?) ORDER BY started_at DESC, id DESC LIMIT 5',
      [phones],
    ),
    pool.query('SELECT COUNT(*) AS n FROM calls WHERE phone IN (?)', [phones]),
    pool.query("SELECT id FROM callbacks WHERE open_phone IN (?) AND state = 'open' LIMIT 1", [phones]),
  ]);
}

/**
 * The same statements as CtiService.ingest for one event, through raw mysql2 (one transaction), with the outbox row the
 * api's unit of work writes for the event's socket messages (the relay deletes those rows in batches, off the request).
 */
async function rawEvent(pool, { pbx, callId, type, e164, at }) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.query('SELECT citizen_id FROM citizen_phones WHERE phone = ?', [e164]);
    await conn.query(
      "INSERT INTO calls (id, direction, channel, state, phone, withheld, pbx, external_id, started_at, created_at, updated_at, version) VALUES (?, 'inbound', 'phone', 'ringing', ?, 0, ?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE id = id",
      [uuidv7(at.getTime()), e164, pbx, callId, at, at, at],
    );
    const [[row]] = await conn.query('SELECT * FROM calls WHERE pbx = ? AND external_id = ? FOR UPDATE', [pbx, callId]);
    if (type !== 'new_call') {
      await conn.query(
        type === 'answer'
          ? "UPDATE calls SET state = 'answered', answered_at = ?, version = version + 1 WHERE id = ?"
          : "UPDATE calls SET state = 'ended', ended_at = ?, version = version + 1 WHERE id = ?",
        [at, row.id],
      );
    }
    await conn.query("INSERT INTO audit_log (id, at, entity_type, entity_id, action) VALUES (?, ?, 'call', ?, 'cti')", [
      uuidv7(at.getTime()),
      at,
      row.id,
    ]);
    await conn.query("INSERT INTO outbox (id, effects, created_at, available_at, attempts) VALUES (?, '[]', ?, ?, 0)", [
      uuidv7(at.getTime()),
      at,
      at,
    ]);
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

const benchEnv = () => ({
  ...process.env,
  NODE_ENV: 'development',
  DB_NAME,
  REDIS_PREFIX: `bench-calls-${process.pid}:`,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  LOGIN_LIMIT_PER_USER: '100000',
  LOGIN_LIMIT_PER_IP: '100000',
  DB_POOL_SIZE: '20',
});

const post = (path, body, headers) =>
  fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Starts the built api and waits for it to answer. */
async function startApi(env) {
  const api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${BASE}/health/live`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return api;
}

/** An operator's authorization header and a fresh PBX token (created by the admin). */
async function clients() {
  const admin = await (
    await post('/api/auth/login', { username: 'admin', password: process.env.ADMIN_PASSWORD ?? 'Admin@0269' })
  ).json();
  const op = await (await post('/api/auth/login', { username: 'operator1', password: 'Demo@0269' })).json();
  const pbxName = `bench-${process.pid}`;
  const pbx = await (
    await post('/api/cti/tokens', { name: pbxName }, { authorization: `Bearer ${admin.accessToken}` })
  ).json();
  if (!pbx.token) throw new Error(`could not create a PBX token: ${JSON.stringify(pbx)}`);
  return { auth: { authorization: `Bearer ${op.accessToken}` }, pbxName, pbxToken: pbx.token };
}

/** Random numbers among the seeded ones (a quarter are known citizens). */
const pick = (i) => (i * 104729) % PHONES;

/** Lookup latency: raw mysql2, the api, and the platform's own share (an authenticated request that does nothing). */
async function measureLookups(pool, { auth, pid }, log) {
  for (let i = 0; i < 200; i++)
    await fetch(`${BASE}/api/citizens/lookup?phone=${national(pick(i))}`, { headers: auth }).then((r) =>
      r.arrayBuffer(),
    );
  const raw = await load(LOOKUPS, (i) => rawLookup(pool, phoneOf(pick(i + 7))), LOOKUP_CONCURRENCY);
  const { result: viaApi, cpu } = await cpuPerRequest(pid, LOOKUPS, () =>
    load(
      LOOKUPS,
      async (i) => {
        const r = await fetch(`${BASE}/api/citizens/lookup?phone=${national(pick(i + 7))}`, { headers: auth });
        if (r.status !== 200) throw new Error(`lookup ${r.status}`);
        await r.arrayBuffer();
      },
      LOOKUP_CONCURRENCY,
    ),
  );
  // The platform's share: JWT + session re-read, guard, pipes.
  const me = await load(
    LOOKUPS,
    () => fetch(`${BASE}/api/auth/me`, { headers: auth }).then((r) => r.arrayBuffer()),
    LOOKUP_CONCURRENCY,
  );
  log(`lookup, raw mysql2 (same queries)        ${fmtLat(raw)}`);
  log(`platform floor, GET /api/auth/me         ${fmtLat(me)}`);
  log(
    `lookup, GET /api/citizens/lookup         ${fmtLat(viaApi)}   p95 target 50 ms: ${viaApi.p95 <= 50 ? 'OK' : 'MISSED'}`,
  );
  log(`lookup ratio api/raw p95: ${(viaApi.p95 / raw.p95).toFixed(1)}×; api CPU per lookup ${fmtCpu(cpu)}`);
}

const CTI_TYPES = ['new_call', 'answer', 'hangup'];

/** One call's three events through the api, in order. */
async function apiCall(i, pbxToken) {
  for (const t of CTI_TYPES) {
    const body = {
      event: t,
      call_id: `api-${i}`,
      direction: 'inbound',
      from: national(pick(i)),
      to: '02693888222',
      ...(t === 'hangup' ? { cause: 'normalClearing' } : {}),
    };
    const r = await post('/api/cti/events', body, { 'x-cti-token': pbxToken });
    if (r.status !== 200) throw new Error(`cti ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  }
}

/**
 * CTI ingestion: new_call, answer, hangup per call (in order per call, calls concurrent). No extension on answer: the demo
 * has two operators, and 16 simultaneous calls answered by one operator would only measure the lock on that operator's
 * status row (real operators take one call at a time).
 */
async function measureCti(pool, { pbxName, pbxToken, pid }, log) {
  const rawCti = await load(CTI_CALLS, async (i) => {
    for (const type of CTI_TYPES) {
      const e164 = phoneOf(pick(i));
      await rawEvent(pool, { pbx: 'raw-floor', callId: `raw-${process.pid}-${i}`, type, e164, at: new Date() });
      // The api also builds the screen-pop (a lookup) for the offered call.
      if (type === 'new_call') await rawLookup(pool, e164);
    }
  });
  const { result: apiCti, cpu } = await cpuPerRequest(pid, CTI_CALLS, () =>
    load(CTI_CALLS, (i) => apiCall(i, pbxToken)),
  );
  const ev = (r) =>
    `${String(r.rps * 3).padStart(6)} events/s  per call (3 events) p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms`;
  log(`CTI, raw mysql2 (same statements)        ${ev(rawCti)}`);
  log(`CTI, POST /api/cti/events                ${ev(apiCti)}`);
  log(
    `CTI ratio raw/api throughput: ${(rawCti.rps / apiCti.rps).toFixed(1)}× lower through the api; api CPU per call (3 events) ${fmtCpu(cpu)}`,
  );
  const [[{ made }]] = await pool.query('SELECT COUNT(*) AS made FROM calls WHERE pbx = ?', [pbxName]);
  log(`CTI check: ${made} call rows for ${CTI_CALLS} calls`);
}

/** EXPLAIN of the list queries (keyset pagination over started_at desc, id desc). */
async function explainLists(pool, log) {
  const [[opRow]] = await pool.query("SELECT id FROM users WHERE username = 'operator1'");
  const explain = async (label, where, params) => {
    const [rows] = await pool.query(
      `EXPLAIN SELECT * FROM calls c WHERE ${where} ORDER BY c.started_at DESC, c.id DESC LIMIT 51`,
      params,
    );
    // rows≈ is the range estimate; with the index in sort order and no filesort, LIMIT 51 stops the scan early.
    const filesort = /filesort/i.test(rows[0].Extra ?? '');
    log(
      `EXPLAIN ${label.padEnd(22)} key=${rows[0].key} range≈${rows[0].rows} rows, filesort: ${filesort ? 'YES (slow)' : 'no'}  extra=${rows[0].Extra ?? ''}`,
    );
  };
  const cursorAt = new Date(Date.now() - 200 * 86400_000);
  await explain('all, first page', '1=1', []);
  await explain('all, with cursor', 'c.started_at <= ? AND (c.started_at < ? OR c.id < ?)', [
    cursorAt,
    cursorAt,
    'ffffffff',
  ]);
  await explain('operator', 'c.operator_id = ?', [opRow.id]);
  await explain('phone', 'c.phone = ?', [phoneOf(123)]);
  await explain('outcome + date range', "c.outcome = 'missed' AND c.started_at >= ? AND c.started_at < ?", [
    new Date(Date.now() - 30 * 86400_000),
    new Date(),
  ]);
}

export async function run({ log }) {
  const env = benchEnv();
  const cli = (cmd) =>
    execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), cmd], { env, stdio: 'ignore' });
  cli('migrate');
  cli('seed');
  const pool = await mysql.createPool({ ...DB, database: DB_NAME, connectionLimit: 20, timezone: 'Z' });
  let api;
  try {
    await seed(pool, log);
    api = await startApi(env);
    const c = { ...(await clients()), pid: api.pid };
    await measureLookups(pool, c, log);
    await measureCti(pool, c, log);
    await explainLists(pool, log);
  } finally {
    api?.kill('SIGTERM');
    await pool.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await pool.end();
  }
}
