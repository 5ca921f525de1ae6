// What the HTTP benches share: the load generator in its own process (loadgen.mjs, autocannon), the machine's load while a
// row ran, the api's CPU per request, and the one table `npm run bench` prints at the end (each row beside its floor).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cpuMs } from './cpu.mjs';

const LOADGEN = join(import.meta.dirname, 'loadgen.mjs');

/**
 * The database the benches reach, the same way for the app and its floor: MariaDB's Unix socket when it is on this
 * machine (BENCH_DB_SOCKET, default /run/mysqld/mysqld.sock if present; BENCH_DB_SOCKET= for TCP), else host and port.
 * `mysql` is for mysql2 (the floors), `env` for the app (DB_SOCKET_PATH).
 */
export function benchDb() {
  const socket =
    process.env.BENCH_DB_SOCKET ?? (existsSync('/run/mysqld/mysqld.sock') ? '/run/mysqld/mysqld.sock' : '');
  const mysql = {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
    ...(socket ? { socketPath: socket } : {}),
  };
  return {
    mysql,
    env: { DB_SOCKET_PATH: socket },
    transport: socket ? `Unix socket ${socket}` : `TCP ${mysql.host}:${mysql.port}`,
  };
}

/**
 * The environment a bench's api, worker and cli run with: their own database, Redis prefix and port, the database reached
 * as `benchDb()` says, logins not rate-limited (the bench logs in many times), then `extra`.
 */
export function benchAppEnv({ dbName, prefix, port, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DB_NAME: dbName,
    REDIS_PREFIX: prefix,
    ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}),
    ...benchDb().env,
    LOG_LEVEL: 'error',
    LOGIN_LIMIT_PER_USER: '100000',
    LOGIN_LIMIT_PER_IP: '100000',
    ...extra,
  };
}

/** Busy and total jiffies of all cores (/proc/stat), or null off Linux. */
function cpuTimes() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = f[3] + f[4];
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Runs autocannon in a separate process against `target` ({ url, method, headers, body | bodies, connections, amount |
 * duration, rate }) and answers its figures, the machine's busy share while it ran (all cores, 0–100 %) and the 1-minute
 * load average; `pids` (api, worker…) get their CPU ms per request.
 */
export async function hammer(target, pids = {}) {
  const before = cpuTimes();
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const stdout = await new Promise((resolve, reject) =>
    execFile(process.execPath, [LOADGEN, JSON.stringify(target)], { maxBuffer: 1 << 24 }, (err, out, errOut) =>
      err ? reject(new Error(`load generator failed: ${errOut || err.message}`)) : resolve(out),
    ),
  );
  const after = cpuTimes();
  const r = JSON.parse(stdout.trim().split('\n').pop());
  r.busy = before && after ? Math.round((100 * (after.busy - before.busy)) / (after.total - before.total)) : null;
  r.load = loadavg()[0];
  r.cpu = {};
  for (const [k, pid] of Object.entries(pids)) {
    const a = cpuMs(pid);
    r.cpu[k] = a === null || cpuBefore[k] === null ? null : (a - cpuBefore[k]) / Math.max(1, r.requests);
  }
  if (r.errors || r.non2xx)
    throw new Error(
      `${target.method ?? 'GET'} ${target.url}: ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`,
    );
  return r;
}

export const fmtRun = (r) =>
  `${String(r.rps).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms` +
  (r.cpu && Object.keys(r.cpu).length
    ? `  CPU/req ${Object.entries(r.cpu)
        .map(([k, v]) => `${k} ${v === null ? 'n/a' : `${v.toFixed(3)} ms`}`)
        .join(', ')}`
    : '') +
  `  (machine ${r.busy ?? '?'} % busy, load ${r.load.toFixed(2)})`;

/** The rows every bench adds to; bench.mjs prints them as one table at the end. */
export const summary = [];

/**
 * One row of the final table: the project's figure beside its floor of the same run, the ratio and the goal.
 * `met` is true/false when the goal is checked, undefined when the row only reports.
 */
export function addRow({ path, project, floor, ratio, goal, met }) {
  summary.push({ path, project, floor, ratio, goal, met });
}

export function printSummary(out) {
  if (!summary.length) return;
  const cols = ['path', 'project', 'floor (same run)', 'ratio', 'goal', 'met'];
  const rows = summary.map((s) => [
    s.path,
    s.project,
    s.floor ?? '—',
    s.ratio ?? '—',
    s.goal ?? '—',
    s.met === undefined ? '—' : s.met ? 'yes' : 'NO',
  ]);
  const width = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
  out('\n=== summary: each row beside its floor, measured in the same run');
  out(line(cols));
  out(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) out(line(r));
}

/** A free TCP port on the loopback (the bench's api listens there, beside other helpers' benches). */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `${base}/health/live` answers (the api booted), at most 30 s. */
export async function waitLive(base) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the api did not start');
}

/**
 * A raw node:http server (a floor): `handler(url, body)` answers the JSON sent back with `status`; listens on a free port.
 * Answers { server, url }.
 */
export async function rawServer(handler, status = 200) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      handler(req.url, body).then(
        (out) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(out));
        },
        (err) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** Drops every Redis key under `prefix` (a run's own). */
export async function dropKeys(redis, prefix) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
