// The api's hot paths over HTTP, each beside a raw floor measured in the same run, the load from autocannon in its own
// process (lib/loadgen.mjs) at 16 connections:
//   GET /api/auth/me (authenticated no-op)    vs a bare Fastify route
//   POST /api/calls (log a call)               vs raw node:http + mysql2 INSERT into the same table
//   POST /api/tickets (SLA timers armed)       vs raw node:http + mysql2 INSERT of the ticket + its two BullMQ timers
// Own database and Redis prefix per run (pid), free ports; the database and the Redis keys are dropped at the end.
//   BENCH_SECONDS=6 (per row), BENCH_CONNECTIONS=16
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
const Fastify = require('fastify');
const mysql = require('mysql2/promise');
const IORedis = require('ioredis');
const { Queue } = require('bullmq');

const DB = benchDb();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DB_NAME = `bench_http_${process.pid}`;
const PREFIX = `bench-http-${process.pid}:`;

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@0269' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return { authorization: `Bearer ${(await res.json()).accessToken}`, 'content-type': 'application/json' };
}

const vnPhones = Array.from({ length: 200 }, (_, i) => `09${String(12000000 + i * 7919).slice(0, 8)}`);

function callBodies() {
  const startedAt = new Date(Date.now() - 60_000).toISOString();
  return vnPhones.map((phone) =>
    JSON.stringify({ direction: 'inbound', channel: 'phone', phone, startedAt, notes: 'Hỏi thủ tục cấp đổi GPLX' }),
  );
}

function ticketBodies() {
  return vnPhones.map((phone) =>
    JSON.stringify({
      kind: 'feedback',
      channel: 'phone',
      phone,
      subject: 'Hồ sơ cấp đổi giấy phép lái xe chưa có kết quả',
      content: 'Công dân phản ánh hồ sơ nộp tại Trung tâm Phục vụ hành chính công đã quá hẹn trả kết quả.',
    }),
  );
}

const CALL_INSERT =
  'INSERT INTO calls (id, direction, channel, state, phone, withheld, started_at, answered_at, notes, created_by, ' +
  'created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, NOW(3), NOW(3), 1)';

/** The floor of POST /calls: parse, one INSERT (autocommit), answer the row. */
function callFloor(pool, operatorId) {
  return rawServer(async (_url, b) => {
    const id = randomUUID();
    const at = new Date(b.startedAt);
    await pool.execute(CALL_INSERT, [id, b.direction, b.channel, 'answered', b.phone, at, at, b.notes, operatorId]);
    return { id, ...b, state: 'answered' };
  }, 201);
}

const TICKET_INSERT =
  'INSERT INTO tickets (id, code, kind, channel, status, priority, citizen_id, subject, content, attachments, ' +
  "sla_clocks, received_at, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'new', 'normal', ?, ?, ?, '[]', " +
  "'{}', NOW(3), NOW(3), NOW(3), 1)";

/** The floor of POST /tickets: parse, one INSERT, two delayed BullMQ jobs (its warning and breach timers). */
function ticketFloor(pool, queue, citizenId) {
  let n = 0;
  return rawServer(async (_url, b) => {
    const id = randomUUID();
    const code = `FL${process.pid % 1000}${String(++n).padStart(8, '0')}`;
    await pool.execute(TICKET_INSERT, [id, code, b.kind, b.channel, citizenId, b.subject, b.content]);
    await queue.add('sla-warning', { ticketId: id }, { jobId: `w-${id}`, delay: 3_600_000 });
    await queue.add('sla-breach', { ticketId: id }, { jobId: `b-${id}`, delay: 7_200_000 });
    return { id, code, ...b };
  }, 201);
}

const ratio = (p, f) => `${(p.rps / f.rps).toFixed(2)}× req/s, p99 ${(p.p99 / f.p99).toFixed(1)}×`;

/** GET /api/auth/me vs a bare Fastify route. */
async function authMe({ log, base, op, load, warm }) {
  const bare = Fastify();
  bare.get('/me', async () => ({ id: 'x', username: 'operator1', role: 'operator' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    await warm({ url: `${base}/api/auth/me`, headers: op });
    const floor = await load({ url: `http://127.0.0.1:${bare.server.address().port}/me` });
    const me = await load({ url: `${base}/api/auth/me`, headers: op });
    log(`bare Fastify route           ${fmtRun(floor)}`);
    log(`GET /api/auth/me             ${fmtRun(me)}`);
    addRow({
      path: 'GET /api/auth/me',
      project: `${me.rps}/s p99 ${me.p99.toFixed(1)} ms`,
      floor: `bare Fastify ${floor.rps}/s p99 ${floor.p99.toFixed(1)} ms`,
      ratio: ratio(me, floor),
      goal: '≥ 0.5× req/s',
      met: me.rps >= 0.5 * floor.rps,
    });
  } finally {
    await bare.close();
  }
}

/** POST /api/calls vs raw http + INSERT. */
async function logCall({ log, base, op, load, warm, pool }) {
  const [[operator]] = await pool.query("SELECT id FROM users WHERE username = 'operator1'");
  const calls = await callFloor(pool, operator.id);
  try {
    const bodies = callBodies();
    await warm({ url: `${base}/api/calls`, method: 'POST', headers: op, bodies });
    const floor = await load({ url: calls.url, method: 'POST', headers: JSON_ONLY, bodies });
    const api = await load({ url: `${base}/api/calls`, method: 'POST', headers: op, bodies });
    log(`raw http + INSERT            ${fmtRun(floor)}`);
    log(`POST /api/calls              ${fmtRun(api)}`);
    addRow({
      path: 'POST /api/calls',
      project: `${api.rps}/s p99 ${api.p99.toFixed(1)} ms`,
      floor: `raw http+INSERT ${floor.rps}/s p99 ${floor.p99.toFixed(1)} ms`,
      ratio: ratio(api, floor),
      goal: '≥ 0.5× req/s, p99 ≤ 3×',
      met: api.rps >= 0.5 * floor.rps && api.p99 <= 3 * floor.p99,
    });
  } finally {
    calls.server.close();
  }
}

/** POST /api/tickets vs raw http + INSERT + two BullMQ timers. */
async function createTicket({ log, base, op, load, warm, pool, redis }) {
  const bodies = ticketBodies();
  // The warm-up creates the citizens (found or created by phone); the floor files its tickets under one of them.
  await warm({ url: `${base}/api/tickets`, method: 'POST', headers: op, bodies });
  const [[citizen]] = await pool.query('SELECT id FROM citizens LIMIT 1');
  const queue = new Queue('bench-floor-sla', { connection: redis, prefix: `${PREFIX}bull` });
  const tickets = await ticketFloor(pool, queue, citizen.id);
  try {
    const floor = await load({ url: tickets.url, method: 'POST', headers: JSON_ONLY, bodies });
    const api = await load({ url: `${base}/api/tickets`, method: 'POST', headers: op, bodies });
    const [[armed]] = await pool.query('SELECT COUNT(*) AS n FROM tickets WHERE next_timer_at IS NOT NULL');
    log(`raw http + INSERT + 2 jobs   ${fmtRun(floor)}`);
    log(`POST /api/tickets            ${fmtRun(api)}  (${armed.n} tickets with an armed timer)`);
    addRow({
      path: 'POST /api/tickets (SLA timers armed)',
      project: `${api.rps}/s p99 ${api.p99.toFixed(1)} ms`,
      floor: `raw http+INSERT+2 jobs ${floor.rps}/s p99 ${floor.p99.toFixed(1)} ms`,
      ratio: ratio(api, floor),
      goal: '≥ 1,200/s or ≥ 0.4×; p99 ≤ 50 ms',
      met: (api.rps >= 1200 || api.rps >= 0.4 * floor.rps) && api.p99 <= 50,
    });
  } finally {
    tickets.server.close();
    await queue.close();
  }
}

const JSON_ONLY = { 'content-type': 'application/json' };

async function measure({ log, base, apiPid, pool, redis }) {
  const op = await login(base, 'operator1');
  const load = (target) =>
    hammer({ connections: CONNECTIONS, duration: SECONDS, ...target }, apiPid ? { api: apiPid } : {});
  const warm = (target) => hammer({ connections: 4, duration: 1, ...target });
  const ctx = { log, base, op, load, warm, pool, redis };
  await authMe(ctx);
  await logCall(ctx);
  await createTicket(ctx);
}

export async function run({ log }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ dbName: DB_NAME, prefix: PREFIX, port, extra: { LOG_LEVEL: 'warn' } });
  const cli = (cmd) =>
    execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), cmd], { env, stdio: 'ignore' });
  cli('migrate');
  cli('seed');
  const api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
  const pool = mysql.createPool({ ...DB.mysql, database: DB_NAME, connectionLimit: 10 });
  const redis = new IORedis({ host: process.env.REDIS_HOST ?? '127.0.0.1', maxRetriesPerRequest: null });
  try {
    await waitLive(base);
    log(`database over ${DB.transport} (the api and the floors alike)`);
    await measure({ log, base, apiPid: api.pid, pool, redis });
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await pool.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await pool.end();
    await dropKeys(redis, PREFIX);
    redis.disconnect();
  }
}
