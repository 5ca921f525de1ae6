// SLA timers at scale: 100,000 open tickets with armed timers (warning + breach each = 200,000 delayed BullMQ jobs, re-armed from
// MySQL by the worker's startup reconciler), then a burst of tickets whose breach falls due within a short window. Measures the
// breach handlers' lateness (fire instant − due instant, as recorded by the worker in the history row) p50/p99, the reconcile time,
// and the worker's peak RSS — against a raw floor measured in the same run: bare BullMQ delayed jobs → a no-op worker (no MySQL).
// Goal (issue 5): p99 ≤ 1 s late, worker RSS ≤ 300 MB.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { workerNodeArgs } from '../env.mjs';
import { addRow } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const mysql = require('mysql2/promise');
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');

const DB = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
};
const REDIS = {
  host: process.env.REDIS_HOST ?? '127.0.0.1',
  port: Number(process.env.REDIS_PORT ?? 6379),
  maxRetriesPerRequest: null,
};
const OPEN = Number(process.env.BENCH_SLA_TICKETS ?? 100_000);
const BURST = Number(process.env.BENCH_SLA_BURST ?? 5_000);
const WINDOW_MS = Number(process.env.BENCH_SLA_WINDOW_MS ?? 20_000);
const LEAD_MS = 5_000;
const DB_NAME = `bench_feedback_${process.pid}`;
const ALWAYS_OPEN = '019ad0a0-0000-7000-8000-000000000002';
// The worker runs as in production (`npm run start:worker`, scripts/start.mjs, docker/compose.yml): heap bounded by
// WORKER_MAX_OLD_SPACE_MB (default 192 MB).
const WORKER_NODE_OPTIONS = process.env.BENCH_WORKER_NODE_OPTIONS ?? workerNodeArgs(process.env).join(' ');

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1] };
};
const fmt = (r) => `n=${r.n}  p50 ${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  max ${r.max.toFixed(0)} ms`;

/** A running SLA clock as the tickets' `sla_clocks` column stores it (ISO instants; `warnAt` null when it already warned). */
function clock(targetMs, { since, dueAt, warnAt }) {
  return { targetMs, consumedMs: 0, runningSince: since, dueAt, warnAt, warned: !warnAt, breached: false, metAt: null };
}

/** Rows straight into MySQL (the intake path is not what is measured here). */
async function insertTickets(conn, count, timing) {
  const now = new Date();
  const cols =
    'id, code, kind, channel, status, priority, priority_raised_for_remote_area, queue, citizen_id, subject, content, attachments, calendar_id, warn_percent, pause_when_forwarded, escalation, sla_clocks, resolution_due_at, resolution_state, next_timer_at, sla_version, received_at, created_at, updated_at, version';
  const ids = [];
  for (let start = 0; start < count; start += 2000) {
    const values = [];
    const params = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const id = randomUUID();
      ids.push(id);
      const { dueAt, warnAt } = timing(i);
      const clocks = {
        firstResponse: null,
        resolution: clock(3_600_000, {
          since: now.toISOString(),
          dueAt: dueAt.toISOString(),
          warnAt: warnAt?.toISOString() ?? null,
        }),
        forward: null,
      };
      values.push('(?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 75, 0, ?, ?, ?, ?, ?, 1, ?, ?, ?, 1)');
      params.push(
        id,
        `B${id.slice(0, 8)}${id.slice(9, 13)}`.toUpperCase().slice(0, 20),
        'feedback',
        'phone',
        'open',
        'normal',
        'operators',
        randomUUID(),
        'bench',
        'bench',
        '[]',
        ALWAYS_OPEN,
        'none',
      );
      params.push(JSON.stringify(clocks), dueAt, 'ok', warnAt ?? dueAt, now, now, now);
    }
    await conn.query(`INSERT INTO tickets (${cols}) VALUES ${values.join(',')}`, params);
  }
  return ids;
}

async function rawFloor(prefix) {
  const connection = new IORedis(REDIS);
  const queue = new Queue('floor', { connection, prefix });
  const late = [];
  const worker = new Worker('floor', async (job) => void late.push(Date.now() - job.data.at), {
    connection: new IORedis(REDIS),
    prefix,
    concurrency: 50,
  });
  const t0 = Date.now() + LEAD_MS;
  const now = Date.now();
  const jobs = Array.from({ length: BURST }, (_, i) => {
    const at = t0 + Math.floor((i * WINDOW_MS) / BURST);
    return {
      name: 'floor',
      data: { at },
      opts: { jobId: `floor-${i}`, delay: at - now, timestamp: now, removeOnComplete: true },
    };
  });
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
  const deadline = t0 + WINDOW_MS + 30_000;
  while (late.length < BURST && Date.now() < deadline) await sleep(200);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return stats(late);
}

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** A fresh bench database with every migration applied; a connection to it. */
async function freshDatabase(env) {
  const admin = await mysql.createConnection(DB);
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
  await admin.end();
  execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), 'migrate'], { env, stdio: 'ignore' });
  return mysql.createConnection({ ...DB, database: DB_NAME });
}

/** The worker as in production, its RSS sampled every 100 ms: the peak overall and per phase. */
function startWorker(env) {
  const startedAt = Date.now();
  const logTo = process.env.BENCH_WORKER_LOG ? openSync(process.env.BENCH_WORKER_LOG, 'w') : 'ignore';
  const child = spawn(process.execPath, [join(root, 'dist/apps/worker/src/main.js')], {
    env: { ...env, LOG_LEVEL: process.env.BENCH_WORKER_LOG ? 'info' : 'error', NODE_OPTIONS: WORKER_NODE_OPTIONS },
    stdio: ['ignore', logTo, logTo],
  });
  let peakRss = 0;
  let phasePeak = 0;
  const sampler = setInterval(() => {
    const r = rssMb(child.pid);
    peakRss = Math.max(peakRss, r);
    phasePeak = Math.max(phasePeak, r);
  }, 100);
  return {
    process: child,
    startedAt,
    rss: () => rssMb(child.pid),
    peakRss: () => peakRss,
    /** The peak RSS since the previous call: where the memory goes, phase by phase. */
    phase: () => {
      const p = Math.max(phasePeak, rssMb(child.pid));
      phasePeak = 0;
      return `phase peak RSS ${p.toFixed(0)} MB`;
    },
    stopSampling: () => clearInterval(sampler),
  };
}

/** Waits for the worker's startup reconcile to arm every timer, then for that reconcile pass to finish. */
async function waitForBootReconcile({ worker, sla, maintenance, log }) {
  const t = worker.startedAt;
  for (;;) {
    const counts = await sla.getJobCounts('delayed');
    if (counts.delayed >= 2 * OPEN) break;
    if (Date.now() - t > 300_000) throw new Error(`reconcile armed only ${counts.delayed} timers in 300 s`);
    await sleep(500);
  }
  log(
    `worker startup reconcile armed ${2 * OPEN} timers in ${((Date.now() - t) / 1000).toFixed(1)} s (RSS now ${worker.rss().toFixed(0)} MB, ${worker.phase()})`,
  );
  for (;;) {
    const c = await maintenance.getJobCounts('active', 'waiting', 'completed');
    if (c.active + c.waiting === 0 && c.completed >= 1) break;
    await sleep(500);
  }
  log(
    `boot reconcile pass done after ${((Date.now() - t) / 1000).toFixed(1)} s (RSS now ${worker.rss().toFixed(0)} MB, ${worker.phase()})`,
  );
}

/**
 * A burst of tickets breaching within WINDOW_MS, armed the way the api arms them after a commit (optionally while a
 * reconcile pass re-reads the open tickets from MySQL); the breach lateness the worker recorded in the history rows.
 */
async function burst({ conn, sla, maintenance, worker, floor, log }, { label, withReconcile }) {
  const since = new Date();
  const t0 = Date.now() + LEAD_MS;
  const due = (i) => new Date(t0 + Math.floor((i * WINDOW_MS) / BURST));
  const ids = await insertTickets(conn, BURST, (i) => ({ dueAt: due(i), warnAt: null }));
  const now = Date.now();
  const jobs = ids.map((id, i) => ({
    name: 'sla-timer',
    data: { ticketId: id, target: 'resolution', kind: 'breach', version: 1, at: due(i).toISOString() },
    opts: {
      jobId: `sla__${id}__resolution__breach__v1`,
      delay: due(i).getTime() - now,
      timestamp: now,
      attempts: 6,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { count: 2000 },
    },
  }));
  for (let i = 0; i < jobs.length; i += 1000) await sla.addBulk(jobs.slice(i, i + 1000));
  if (withReconcile) {
    await sleep(Math.max(0, t0 - Date.now()));
    await maintenance.add('reconcile', { trigger: 'manual' }, { jobId: `bench-reconcile-${Date.now()}` });
  }
  const rows = await breachRows(conn, since, t0 + WINDOW_MS + 60_000);
  const s = stats(rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data).lateMs));
  log(
    `${label}: breach lateness ${fmt(s)}  (${rows.length}/${BURST} recorded; p99 ${(s.p99 / Math.max(1, floor.p99)).toFixed(1)}× the raw floor; ${worker.phase()})`,
  );
  return s;
}

/** The `sla_breached` history rows since `since`, once BURST of them are there or at the deadline. */
async function breachRows(conn, since, deadline) {
  let rows = [];
  while (Date.now() < deadline) {
    await sleep(1000);
    [rows] = await conn.query("SELECT data FROM audit_log WHERE action = 'sla_breached' AND at >= ?", [since]);
    if (rows.length >= BURST) break;
  }
  return rows;
}

async function deleteRedisKeys(redis, prefix) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** The rows of the final table. */
function summarize({ quiet, busy, floor, worker }) {
  for (const [label, s] of [
    ['SLA breach lateness, 200k timers armed', quiet],
    ['SLA breach lateness during a reconcile pass', busy],
  ])
    addRow({
      path: label,
      project: `p50 ${s.p50.toFixed(0)} ms p99 ${s.p99.toFixed(0)} ms`,
      floor: `raw BullMQ p99 ${floor.p99.toFixed(0)} ms`,
      ratio: `p99 ${(s.p99 / Math.max(1, floor.p99)).toFixed(1)}×`,
      goal: 'p99 ≤ 1 s',
      met: s.p99 <= 1000,
    });
  addRow({
    path: 'worker peak RSS (100k open tickets)',
    project: `${worker.peakRss().toFixed(0)} MB`,
    goal: '≤ 300 MB',
    met: worker.peakRss() <= 300,
  });
}

export async function run({ log }) {
  const prefix = `bench-feedback-${process.pid}:`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DB_NAME,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: '20',
    RECONCILE_EVERY_SECONDS: '3600',
  };
  const conn = await freshDatabase(env);
  const redis = new IORedis(REDIS);
  let worker;
  try {
    log(`load average ${loadAverage()} (${OPEN} tickets, burst ${BURST} over ${WINDOW_MS} ms)`);
    // 1. Raw floor: bare BullMQ, same burst, no database.
    const floor = await rawFloor(`${prefix}floor`);
    log(`raw BullMQ delayed → no-op worker: lateness ${fmt(floor)}`);

    // 2. 100k open tickets whose warning and breach are days away.
    const t = Date.now();
    const far = Date.now() + 3 * 86_400_000;
    await insertTickets(conn, OPEN, (i) => ({
      dueAt: new Date(far + i * 1000),
      warnAt: new Date(far - 3_600_000 + i * 1000),
    }));
    log(`worker NODE_OPTIONS=${WORKER_NODE_OPTIONS}`);
    log(`inserted ${OPEN} open tickets in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // 3. The worker boots; its startup reconcile re-arms every timer from MySQL.
    worker = startWorker(env);
    const sla = new Queue('sla', { connection: redis, prefix: `${prefix}bull` });
    const maintenance = new Queue('maintenance', { connection: redis, prefix: `${prefix}bull` });
    const ctx = { conn, sla, maintenance, worker, floor, log };
    await waitForBootReconcile(ctx);

    // 4. Bursts of tickets breaching within WINDOW_MS: once on a quiet worker, once during a (healthy) reconcile pass.
    const quiet = await burst(ctx, {
      label: `worker (MySQL re-check + history + socket emit), ${2 * OPEN} timers pending`,
      withReconcile: false,
    });
    const busy = await burst(ctx, {
      label: 'same, during a reconcile pass over the 100k tickets',
      withReconcile: true,
    });
    worker.stopSampling();
    log(`load average ${loadAverage()}`);
    summarize({ quiet, busy, floor, worker });
    log(
      `worker peak RSS ${worker.peakRss().toFixed(0)} MB (goal ≤ 300 MB); p99 ${Math.max(quiet.p99, busy.p99) <= 1000 ? 'meets' : 'MISSES'} the 1 s goal`,
    );
    await maintenance.close();
    await sla.obliterate({ force: true });
    await sla.close();
  } finally {
    worker?.process.kill('SIGTERM');
    worker?.stopSampling();
    await sleep(500);
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
    await conn.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await conn.end();
  }
}
