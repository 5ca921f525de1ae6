// Platform overhead: an authenticated request (JWT verify + session/user re-read in MariaDB, guard, pipes, filter)
// against raw floors measured in the same run: a bare Fastify route, and the same session lookup through raw mysql2.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cpuPerRequest, fmtCpu } from './lib/cpu.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const Fastify = require('fastify');
const mysql = require('mysql2/promise');

const DB = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
};
const N = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = 16;

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(fn) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next++;
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { rps: Math.round((N / total) * 1000), p50: pct(times, 50), p99: pct(times, 99) };
}

const fmt = (r) => `${String(r.rps).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`;

const API = 'http://127.0.0.1:3987';

async function waitLive() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${API}/health/live`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** operator1's bearer header and session id. */
async function operatorSession() {
  const login = await (
    await fetch(`${API}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator1', password: 'Demo@0269' }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const sid = JSON.parse(Buffer.from(login.accessToken.split('.')[1], 'base64url').toString()).sid;
  return { auth, sid };
}

export async function run({ log }) {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DB_NAME: 'bench_platform',
    REDIS_PREFIX: `bench-platform-${process.pid}:`,
    PORT: '3987',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    LOGIN_LIMIT_PER_USER: '100000',
    LOGIN_LIMIT_PER_IP: '100000',
  };
  const cli = (cmd) =>
    execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), cmd], { env, stdio: 'ignore' });
  cli('migrate');
  cli('seed');
  const api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
  const bare = Fastify();
  bare.get('/me', async () => ({ id: 'x' }));
  await bare.listen({ port: 3988, host: '127.0.0.1' });
  const conn = await mysql.createPool({ ...DB, database: 'bench_platform', connectionLimit: 10 });
  try {
    await waitLive();
    const { auth, sid } = await operatorSession();
    // warm-up
    for (let i = 0; i < 200; i++) await fetch(`${API}/api/auth/me`, { headers: auth });

    const bareRes = await load(() => fetch('http://127.0.0.1:3988/me').then((r) => r.arrayBuffer()));
    const sql = await load(() =>
      conn.query(
        'SELECT u.id, u.role, u.post_office_id, u.disabled_at, s.revoked_at FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?',
        [sid],
      ),
    );
    const { result: api1, cpu } = await cpuPerRequest(api.pid, N, () =>
      load(() => fetch(`${API}/api/auth/me`, { headers: auth }).then((r) => r.arrayBuffer())),
    );
    log(`raw Fastify route            ${fmt(bareRes)}`);
    log(`raw mysql2 session lookup    ${fmt(sql)}`);
    log(`api GET /api/auth/me (auth)  ${fmt(api1)}  api CPU per request ${fmtCpu(cpu)}`);
    log(
      `ratio api/bare-fastify p50: ${(api1.p50 / bareRes.p50).toFixed(1)}×, throughput ${(bareRes.rps / api1.rps).toFixed(1)}× lower`,
    );
  } finally {
    api.kill('SIGTERM');
    await bare.close();
    await conn.query('DROP DATABASE IF EXISTS bench_platform');
    await conn.end();
  }
}
