// Calls context with 1 M seeded calls, over HTTP (autocannon in its own process, lib/loadgen.mjs), each row beside raw
// floors measured in the same run:
//   GET /api/citizens/lookup (the screen-pop)  vs raw node:http + mysql2 sending the same statements, and vs one indexed read
//   POST /api/cti/events (new_call, answer, hangup of one call in order on one connection, calls concurrent)
//                                              vs raw node:http + mysql2 sending the same statements in as many round trips
// and the api's CPU per request (/proc), the figure to compare builds by on a shared machine. Also prints EXPLAIN of the
// lookup's and the call log's queries. Own database and Redis prefix per run (pid), free ports; both dropped at the end.
//   BENCH_CALLS=1000000 (rows seeded), BENCH_SECONDS=8 (per row), BENCH_DIST=dist (the build whose api and cli run:
//   another worktree's dist to measure a baseline against the same bench), BENCH_PROFILE_DIR (the api's CPU profile),
//   BENCH_CALLS_PARTS=lookup,cti (which rows), BENCH_COMPARE_DIST (another build measured in alternation, see compareBuilds)
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import {
  addRow,
  benchAppEnv,
  benchDb,
  dropKeys,
  fmtRun,
  freePort,
  hammer,
  rawServer,
  waitLive,
} from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const mysql = require('mysql2/promise');
const IORedis = require('ioredis');

const BENCH_DB = benchDb();
const DB = BENCH_DB.mysql;
const DB_NAME = `bench_calls_${process.pid}`;
const PREFIX = `bench-calls-${process.pid}:`;
const DIST = resolve(root, process.env.BENCH_DIST ?? 'dist');
const ROWS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PHONES = Math.max(1000, Math.round(ROWS / 5)); // ≈ 5 calls per number on average
const CITIZENS = Math.round(PHONES / 4); // a quarter of the numbers belong to a known citizen
/** Lookups at 4 concurrent operators; ingestion under load (16 concurrent PBX connections). */
const LOOKUP_CONNECTIONS = 4;
const CTI_CONNECTIONS = 16;
const LOOKUP_TARGET_P95_MS = 5;
const LAST_CALLS = 5;

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
const e164Of = (nationalNumber) => `+84${nationalNumber.slice(1)}`;
/** Numbers spread over the seeded ones (a quarter are known citizens). */
const pick = (i) => (i * 104729) % PHONES;

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
  const [ops] = await pool.query("SELECT id FROM users WHERE role = 'operator'");
  const [topics] = await pool.query('SELECT id FROM call_topics');
  const now = new Date();
  const citizenIds = await seedCitizens(pool, now);
  const span = 2 * 365 * 86400_000;
  await seedCalls(pool, { t0: now.getTime() - span - 86400_000, span, citizenIds, ops, topics });
  await pool.query('ANALYZE TABLE calls, citizen_phones, citizens');
  log(
    `seed: ${ROWS} calls, ${PHONES} numbers, ${CITIZENS} citizens in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// ---- the floors: the statements the api sends, in as many round trips, through raw mysql2 ----

const CITIZEN_OF = '(SELECT citizen_id FROM citizen_phones WHERE phone = ?)';

/**
 * The screen-pop's first round as the api sends it: one multi-statement query on one connection (the citizen with its
 * numbers, the last calls, the count, the open callback, the tickets section); then, for a known citizen, the requests
 * section (the dispatch context's reader, a query of its own).
 */
const LOOKUP_ROUND =
  'SELECT c.*, p.phone AS p_phone, p.is_primary, p.label FROM citizen_phones k JOIN citizens c ON c.id = k.citizen_id ' +
  'JOIN citizen_phones p ON p.citizen_id = c.id WHERE k.phone = ? ORDER BY p.is_primary DESC, p.created_at ASC;\n' +
  'SELECT id, direction, channel, started_at, outcome, topic_id, operator_id, talk_seconds FROM calls WHERE phone = ? ' +
  `ORDER BY started_at DESC, id DESC LIMIT ${LAST_CALLS};\n` +
  'SELECT COUNT(*) AS n FROM calls WHERE phone = ?;\n' +
  "SELECT id FROM callbacks WHERE open_phone = ? AND state = 'open' LIMIT 1;\n" +
  `SELECT id, code, subject, status, received_at FROM tickets WHERE citizen_id = ${CITIZEN_OF} ` +
  'ORDER BY received_at DESC, id DESC LIMIT 200';
const REQUESTS_SECTION =
  'SELECT r.id, r.code, r.procedure_name, r.created_at, ' +
  "(SELECT COUNT(*) FROM bcci_legs l WHERE l.request_id = r.id AND l.state NOT IN ('cancelled', 'delivered', 'returned_to_agency')) AS open_legs, " +
  '(SELECT l.state FROM bcci_legs l WHERE l.request_id = r.id ORDER BY l.updated_at DESC LIMIT 1) AS state ' +
  'FROM bcci_requests r WHERE r.citizen_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 200';

async function rawLookup(pool, e164) {
  const [[citizenRows]] = await pool.query(LOOKUP_ROUND, [e164, e164, e164, e164, e164]);
  if (citizenRows.length) await pool.query(REQUESTS_SECTION, [citizenRows[0].id]);
}

/** One indexed read: the least a lookup by number can cost. */
const oneRead = (pool, e164) => pool.query('SELECT citizen_id FROM citizen_phones WHERE phone = ?', [e164]);

const CALL_UPSERT =
  "INSERT INTO calls (id, direction, channel, state, phone, withheld, line, queue, citizen_id, pbx, external_id, started_at, created_at, updated_at, version) VALUES (?, 'inbound', 'phone', 'ringing', ?, 0, ?, NULL, " +
  `${CITIZEN_OF}, ?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE id = id;\n` +
  `SELECT *, ${CITIZEN_OF} AS resolved_citizen_id FROM calls WHERE pbx = ? AND external_id = ? FOR UPDATE`;
const CALL_ADVANCE = {
  answer:
    "UPDATE calls SET state = 'answered', answered_at = ?, wait_seconds = 8, updated_at = ?, version = version + 1 WHERE id = ?;\n",
  hangup:
    "UPDATE calls SET state = 'ended', ended_at = ?, talk_seconds = 100, outcome = NULL, updated_at = ?, version = version + 1 WHERE id = ?;\n",
};
const HISTORY_AND_OUTBOX =
  "INSERT INTO audit_log (id, at, actor_id, entity_type, entity_id, action, from_state, to_state, reason, data) VALUES (?, ?, NULL, 'call', ?, ?, ?, ?, NULL, ?);\n" +
  'INSERT INTO outbox (id, effects, created_at, available_at, attempts, last_error) VALUES (?, ?, ?, ?, 0, NULL);\nCOMMIT';

/**
 * One CTI event as the api sends it, in two round trips: `START TRANSACTION; upsert; locked read` (the citizen resolved
 * inside both), then the change, its history and outbox rows with the COMMIT. A new call's screen-pop lookup follows the
 * answer, as the api's does.
 */
async function rawEvent(pool, pbx, body) {
  const e164 = e164Of(body.from);
  const at = new Date();
  const conn = await pool.getConnection();
  let row;
  try {
    const [, [locked]] = await conn
      .query(`START TRANSACTION;\n${CALL_UPSERT}`, [
        uuidv7(at.getTime()),
        e164,
        body.to,
        e164,
        pbx,
        body.call_id,
        at,
        at,
        at,
        e164,
        pbx,
        body.call_id,
      ])
      .then(([results]) => [results[1], results[2]]);
    row = locked;
    const advance = CALL_ADVANCE[body.event];
    const effects = JSON.stringify([{ kind: 'emit', rooms: ['role:operator'], event: 'call:updated', payload: row }]);
    await conn.query((advance ?? '') + HISTORY_AND_OUTBOX, [
      ...(advance ? [at, at, row.id] : []),
      uuidv7(at.getTime()),
      at,
      row.id,
      `cti:${body.event}`,
      row.state,
      row.state,
      JSON.stringify({ pbx }),
      uuidv7(at.getTime()),
      effects,
      at,
      at,
    ]);
  } catch (err) {
    await conn.query('ROLLBACK');
    throw err;
  } finally {
    conn.release();
  }
  if (body.event === 'new_call') rawLookup(pool, e164).catch(() => {}); // after the answer, as the api's; the run may end first
  return { callId: row.id, action: null, changed: true };
}

// ---- the api ----

async function login(base, username, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

/** An operator's headers and a fresh PBX token (created by the admin). */
async function clients(base) {
  const admin = await login(base, 'admin', process.env.ADMIN_PASSWORD ?? 'Admin@0269');
  const op = await login(base, 'operator1', 'Demo@0269');
  const pbxName = `bench-${process.pid}`;
  const res = await fetch(`${base}/api/cti/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ name: pbxName }),
  });
  const pbx = await res.json();
  if (!pbx.token) throw new Error(`could not create a PBX token: ${JSON.stringify(pbx)}`);
  return { op: { authorization: `Bearer ${op}` }, pbxName, pbxToken: pbx.token };
}

const fmtP95 = (r) => `p50 ${r.p50.toFixed(2)} ms p95 ${r.p95.toFixed(2)} ms`;
const cpuOf = (r) => (r.cpu?.api == null ? 'n/a' : `${r.cpu.api.toFixed(3)} ms`);

/** Lookup latency: the api beside raw mysql2 sending the same statements, and beside one indexed read. */
async function measureLookups({ log, base, op, apiPid, pool }) {
  const paths = Array.from({ length: 1500 }, (_, i) => `/api/citizens/lookup?phone=${national(pick(i))}`);
  const floorOf = (fn) =>
    rawServer(async (url) => {
      await fn(pool, e164Of(new URL(url, 'http://x').searchParams.get('phone')));
      return {};
    });
  const same = await floorOf(rawLookup);
  const one = await floorOf(oneRead);
  const load = (url, headers, pids = {}) =>
    hammer({ url, headers, paths, connections: LOOKUP_CONNECTIONS, duration: SECONDS }, pids);
  try {
    await hammer({ url: base, headers: op, paths, connections: LOOKUP_CONNECTIONS, duration: 2 });
    const oneRow = await load(one.url);
    const sameRow = await load(same.url);
    const me = await load(`${base}/api/auth/me`, op, { api: apiPid });
    const api = await load(base, op, { api: apiPid });
    log(`raw http + one indexed read           ${fmtRun(oneRow)}  p95 ${oneRow.p95.toFixed(2)} ms`);
    log(`raw http + the same statements        ${fmtRun(sameRow)}  p95 ${sameRow.p95.toFixed(2)} ms`);
    log(`GET /api/auth/me (platform share)     ${fmtRun(me)}  p95 ${me.p95.toFixed(2)} ms`);
    log(`GET /api/citizens/lookup              ${fmtRun(api)}  p95 ${api.p95.toFixed(2)} ms`);
    addRow({
      path: `GET /api/citizens/lookup (${ROWS} calls)`,
      project: `${api.rps}/s ${fmtP95(api)}, api CPU/req ${cpuOf(api)} (auth/me ${cpuOf(me)})`,
      floor: `raw same stmts ${fmtP95(sameRow)}; one read p95 ${oneRow.p95.toFixed(2)} ms`,
      ratio: `p95 ${(api.p95 / sameRow.p95).toFixed(1)}× raw`,
      goal: `p95 ≤ ${LOOKUP_TARGET_P95_MS} ms`,
      met: api.p95 <= LOOKUP_TARGET_P95_MS,
    });
  } finally {
    same.server.close();
    one.server.close();
  }
}

const CTI_EVENTS = ['new_call', 'answer', 'hangup'].map((event) =>
  JSON.stringify({
    event,
    call_id: 'CALLID-{{n}}',
    direction: 'inbound',
    from: '{{value}}',
    to: '02693888222',
    ...(event === 'hangup' ? { cause: 'normalClearing' } : {}),
  }),
);

/**
 * CTI ingestion: new_call, answer, hangup of one call in order on one connection, 16 calls at a time. No extension on
 * answer: the demo has two operators, and 16 simultaneous calls answered by one operator would only measure the lock on
 * that operator's status row (real operators take one call at a time).
 */
async function measureCti({ log, base, apiPid, pool, pbxName, pbxToken }) {
  const values = Array.from({ length: 3000 }, (_, i) => national(pick(i * 3 + 1)));
  const sequence = (prefix) => ({ bodies: CTI_EVENTS.map((b) => b.replace('CALLID', prefix)), values });
  const headers = { 'content-type': 'application/json', 'x-cti-token': pbxToken };
  const floor = await rawServer((_url, body) => rawEvent(pool, 'raw-floor', body));
  const load = (url, prefix, pids = {}) =>
    hammer({ url, headers, sequence: sequence(prefix), connections: CTI_CONNECTIONS, duration: SECONDS }, pids);
  try {
    await hammer({ url: `${base}/api/cti/events`, headers, sequence: sequence('warm'), connections: 4, duration: 2 });
    const raw = await load(floor.url, `raw-${process.pid}`);
    const api = await load(`${base}/api/cti/events`, `api-${process.pid}`, { api: apiPid });
    log(`CTI, raw http + the same statements   ${fmtRun(raw)}  (events)`);
    log(`CTI, POST /api/cti/events             ${fmtRun(api)}  (events)`);
    const [[{ made, ended }]] = await pool.query(
      "SELECT COUNT(*) AS made, SUM(state = 'ended') AS ended FROM calls WHERE pbx = ? AND external_id LIKE ?",
      [pbxName, `api-${process.pid}-%`],
    );
    log(`CTI check: ${made} calls from ${api.requests} events, ${ended} ended`);
    addRow({
      path: 'POST /api/cti/events (new_call, answer, hangup)',
      project: `${api.rps} events/s p50 ${api.p50.toFixed(2)} ms p99 ${api.p99.toFixed(2)} ms, api CPU/event ${cpuOf(api)}`,
      floor: `raw same stmts ${raw.rps}/s p50 ${raw.p50.toFixed(2)} ms p99 ${raw.p99.toFixed(2)} ms`,
      ratio: `${(api.rps / raw.rps).toFixed(2)}× events/s`,
    });
  } finally {
    floor.server.close();
  }
}

/**
 * BENCH_COMPARE_DIST: another build's api (a baseline worktree's dist) on the same database, the lookup and CTI rows
 * sent to both in alternation (3 rounds, this build first): on a shared machine, CPU per request moves between runs
 * (±30 % for an unchanged route), much less between two processes measured minutes apart in one run.
 */
async function compareBuilds(ctx, env) {
  const { log } = ctx;
  const port = await freePort();
  const otherBase = `http://127.0.0.1:${port}`;
  const other = spawn(process.execPath, [join(resolve(process.env.BENCH_COMPARE_DIST), 'apps/api/src/main.js')], {
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    await waitLive(otherBase);
    const paths = Array.from({ length: 1500 }, (_, i) => `/api/citizens/lookup?phone=${national(pick(i + 11))}`);
    const lookup = (url, pid) =>
      hammer({ url, headers: ctx.op, paths, connections: LOOKUP_CONNECTIONS, duration: SECONDS }, { api: pid });
    const values = Array.from({ length: 3000 }, (_, i) => national(pick(i * 3 + 2)));
    const headers = { 'content-type': 'application/json', 'x-cti-token': ctx.pbxToken };
    const cti = (url, pid, prefix) =>
      hammer(
        {
          url: `${url}/api/cti/events`,
          headers,
          sequence: { bodies: CTI_EVENTS.map((b) => b.replace('CALLID', prefix)), values },
          connections: CTI_CONNECTIONS,
          duration: SECONDS,
        },
        { api: pid },
      );
    await lookup(otherBase, other.pid); // its warm-up
    const runs = { lookup: { self: [], other: [] }, cti: { self: [], other: [] } };
    for (let round = 0; round < 3; round++) {
      runs.lookup.self.push(await lookup(ctx.base, ctx.apiPid));
      runs.lookup.other.push(await lookup(otherBase, other.pid));
      runs.cti.self.push(await cti(ctx.base, ctx.apiPid, `cmp-self-${process.pid}-${round}`));
      runs.cti.other.push(await cti(otherBase, other.pid, `cmp-other-${process.pid}-${round}`));
    }
    const med = (list, f) => list.map(f).sort((a, b) => a - b)[Math.floor(list.length / 2)];
    for (const [name, r] of Object.entries(runs)) {
      const [cs, co] = [med(r.self, (x) => x.cpu.api), med(r.other, (x) => x.cpu.api)];
      const [ps, po] = [med(r.self, (x) => x.p95), med(r.other, (x) => x.p95)];
      const [rs, ro] = [med(r.self, (x) => x.rps), med(r.other, (x) => x.rps)];
      log(
        `${name}: this build CPU/req ${cs.toFixed(3)} ms p95 ${ps.toFixed(2)} ms ${rs}/s; the other ${co.toFixed(3)} ms p95 ${po.toFixed(2)} ms ${ro}/s (medians of 3 alternating)`,
      );
      addRow({
        path: `${name}: this build vs BENCH_COMPARE_DIST`,
        project: `CPU/req ${cs.toFixed(3)} ms, p95 ${ps.toFixed(2)} ms, ${rs}/s`,
        floor: `other build: CPU/req ${co.toFixed(3)} ms, p95 ${po.toFixed(2)} ms, ${ro}/s`,
        ratio: `CPU ${(cs / co).toFixed(2)}×, p95 ${(ps / po).toFixed(2)}×`,
      });
    }
  } finally {
    other.kill('SIGTERM');
    await new Promise((r) => (other.exitCode !== null ? r() : other.once('exit', r)));
  }
}

/** EXPLAIN of the lookup's statements and of the call log's list queries (keyset over started_at desc, id desc). */
async function explainAll(pool, log) {
  const [[opRow]] = await pool.query("SELECT id FROM users WHERE username = 'operator1'");
  const show = async (label, sql, params) => {
    const [rows] = await pool.query(`EXPLAIN ${sql}`, params);
    const plan = rows.map(
      (r) => `${r.table}:${r.type}/${r.key ?? '-'}≈${r.rows}${/filesort/i.test(r.Extra ?? '') ? ' FILESORT' : ''}`,
    );
    log(`EXPLAIN ${label.padEnd(24)} ${plan.join('  ')}`);
  };
  const e164 = phoneOf(123);
  for (const [i, sql] of LOOKUP_ROUND.split(';\n').entries())
    await show(`lookup ${i + 1}`, sql, sql.includes(CITIZEN_OF) || i < 4 ? [e164] : []);
  const list = (where) => `SELECT * FROM calls c WHERE ${where} ORDER BY c.started_at DESC, c.id DESC LIMIT 51`;
  const cursorAt = new Date(Date.now() - 200 * 86400_000);
  await show('list: all, first page', list('1=1'), []);
  await show('list: all, with cursor', list('c.started_at <= ? AND (c.started_at < ? OR c.id < ?)'), [
    cursorAt,
    cursorAt,
    'ffffffff',
  ]);
  await show('list: operator', list('c.operator_id = ?'), [opRow.id]);
  await show('list: phone', list('c.phone = ?'), [e164]);
  await show('list: outcome + dates', list("c.outcome = 'missed' AND c.started_at >= ? AND c.started_at < ?"), [
    new Date(Date.now() - 30 * 86400_000),
    new Date(),
  ]);
}

export async function run({ log }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ dbName: DB_NAME, prefix: PREFIX, port, extra: { DB_POOL_SIZE: '20' } });
  const cli = (cmd) =>
    execFileSync(process.execPath, [join(DIST, 'apps/cli/src/main.js'), cmd], { env, stdio: 'ignore' });
  const pool = mysql.createPool({ ...DB, connectionLimit: 20, timezone: 'Z', multipleStatements: true });
  const redis = new IORedis({ host: process.env.REDIS_HOST ?? '127.0.0.1', maxRetriesPerRequest: null });
  let api;
  try {
    cli('migrate');
    cli('seed');
    const dbPool = mysql.createPool({
      ...DB,
      database: DB_NAME,
      connectionLimit: 20,
      timezone: 'Z',
      multipleStatements: true,
    });
    try {
      await seed(dbPool, log);
      // BENCH_PROFILE_DIR: the api writes a CPU profile there when it exits (node --cpu-prof).
      const prof = process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_PROFILE_DIR)]
        : [];
      api = spawn(process.execPath, [...prof, join(DIST, 'apps/api/src/main.js')], { env, stdio: 'ignore' });
      await waitLive(base);
      const ctx = { log, base, apiPid: api.pid, pool: dbPool, ...(await clients(base)) };
      const parts = (process.env.BENCH_CALLS_PARTS ?? 'lookup,cti').split(',');
      if (parts.includes('lookup')) await measureLookups(ctx);
      if (parts.includes('cti')) await measureCti(ctx);
      if (process.env.BENCH_COMPARE_DIST) await compareBuilds({ ...ctx, log }, env);
      await explainAll(dbPool, log);
    } finally {
      await dbPool.end();
    }
  } finally {
    if (api) {
      api.kill('SIGTERM');
      await new Promise((r) => (api.exitCode !== null ? r() : api.once('exit', r)));
    }
    await pool.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await pool.end();
    await dropKeys(redis, PREFIX);
    redis.disconnect();
  }
}
