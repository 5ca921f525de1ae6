// Dispatch: (1) the nearest-eligible-office decision with 5,000 offices, in-memory index vs a brute-force scan (goal p99 ≤
// 0.2 ms); (2) request created → dispatcher's socket receives the assignment, p50/p99 at 50 and 200 requests/s (goals p99 ≤
// 25 ms and ≤ 100 ms), beside a raw floor measured in the same run at the same rate (BullMQ add → worker → socket.io emit
// → client, without database or api), with the api's and the worker's CPU per request; (3) one event fanned out to 2,000
// connected clients by the api's real gateway (authenticated sockets, Redis adapter) vs a bare socket.io server with the
// same adapter, the clients in a process of their own (goal p99 ≤ 1.2× bare).
// BENCH_DISPATCH_PARTS=routing,e2e,fanout picks parts; BENCH_RATES=50,200; BENCH_E2E_SECONDS=10; BENCH_FANOUT_CLIENTS=2000.
import { execFileSync, fork, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs } from './lib/cpu.mjs';
import { addRow } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
// The compiled code (npm run build); BENCH_DIST points elsewhere for a private build.
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
const mysql = require('mysql2/promise');
const { Queue, Worker } = require('bullmq');
const { Server } = require('socket.io');
const { io: ioClient } = require('socket.io-client');
const units = require(join(root, 'libs/geo/data/gia-lai-units-2025.json')).units;

const DB = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
};
const REDIS = { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) };
const OFFICES = Number(process.env.BENCH_OFFICES ?? 5000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 20000);
const RATES = (process.env.BENCH_RATES ?? process.env.BENCH_RATE ?? '50,200').split(',').map(Number);
/** Goal for the p99 of request → dispatcher socket, per rate (the targets). */
const E2E_GOAL_MS = { 50: 25, 200: 100 };
const SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 10);
const FANOUT_CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 2000);
const FANOUT_EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 30);
const PARTS = (process.env.BENCH_DISPATCH_PARTS ?? 'routing,e2e,fanout').split(',');
/** Ports and database of this run only: other benches (or another run of this one) may be running on the machine. */
const PORT = Number(process.env.BENCH_DISPATCH_PORT ?? 20000 + (process.pid % 20000));
const DB_NAME = `bench_dispatch_${process.pid}`;
const ALWAYS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]),
);

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(3)} ms`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

function rng(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** (1) Routing decision: the index (offices bucketed by served commune) vs scanning every office. */
export function benchRouting(log) {
  const { OfficeIndex } = require(join(dist, 'libs/dispatch/src/office-index.js'));
  const rnd = rng(7);
  const offices = [];
  for (let i = 0; i < OFFICES; i++) {
    const home = units[i % units.length];
    const near = units
      .map((u) => ({ code: u.code, d: (u.lat - home.lat) ** 2 + (u.lng - home.lng) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 4)
      .map((u) => u.code);
    offices.push({
      id: `o${i}`,
      lat: home.lat + (rnd() - 0.5) * 0.1,
      lng: home.lng + (rnd() - 0.5) * 0.1,
      active: rnd() > 0.05,
      dailyCapacity: 50,
      openingHours: ALWAYS,
      serves: near,
    });
  }
  const index = new OfficeIndex(offices);
  const queries = Array.from({ length: DECISIONS }, () => {
    const u = units[Math.floor(rnd() * units.length)];
    return {
      communeCode: u.code,
      point: { lat: u.lat + (rnd() - 0.5) * 0.05, lng: u.lng + (rnd() - 0.5) * 0.05 },
      at: new Date(),
      excluded: new Set(),
      loadToday: new Map(),
    };
  });
  const measure = (fn) => {
    for (let i = 0; i < 2000; i++) fn(queries[i % queries.length]); // warm-up (JIT)
    const times = [];
    for (const q of queries) {
      const t = performance.now();
      fn(q);
      times.push(performance.now() - t);
    }
    return stats(times);
  };
  const built = performance.now();
  new OfficeIndex(offices);
  const buildMs = performance.now() - built;
  const idx = measure((q) => index.decide(q));
  const brute = measure((q) => index.bruteForce(q));
  let disagree = 0;
  for (const q of queries.slice(0, 2000))
    if (JSON.stringify(index.decide(q)) !== JSON.stringify(index.bruteForce(q))) disagree++;
  log(`routing decision, ${OFFICES} offices, ${DECISIONS} decisions (index rebuild ${buildMs.toFixed(1)} ms)`);
  log(`  brute-force scan   p50 ${ms(brute.p50)}  p99 ${ms(brute.p99)}`);
  log(
    `  commune index      p50 ${ms(idx.p50)}  p99 ${ms(idx.p99)}   ${(brute.p50 / idx.p50).toFixed(0)}× faster at p50; goal p99 ≤ 0.2 ms: ${idx.p99 <= 0.2 ? 'OK' : 'MISSED'}; disagreements ${disagree}`,
  );
  routingRow(idx, brute, disagree);
}

/** The rows of the final table (bench.mjs prints them). */
function routingRow(idx, brute, disagree) {
  addRow({
    path: `nearest office among ${OFFICES}`,
    project: `p50 ${ms(idx.p50)} p99 ${ms(idx.p99)}, ${disagree} disagreements`,
    floor: `brute-force scan p99 ${ms(brute.p99)}`,
    ratio: `p99 ${(idx.p99 / brute.p99).toFixed(2)}×`,
    goal: 'p99 ≤ 0.2 ms',
    met: idx.p99 <= 0.2 && disagree === 0,
  });
}

function rateRow(r, floor, want) {
  addRow({
    path: `request → dispatcher socket at ${r.rate}/s`,
    project:
      `p50 ${ms(r.e2e.p50)} p99 ${ms(r.e2e.p99)}` +
      (r.cpu ? `, CPU/req api ${r.cpu[0].toFixed(2)} ms + worker ${r.cpu[1].toFixed(2)} ms` : ''),
    floor: `BullMQ → worker → socket.io p99 ${ms(floor.p99)}`,
    ratio: `p99 ${(r.e2e.p99 / floor.p99).toFixed(1)}×`,
    goal: want ? `p99 ≤ ${want} ms` : undefined,
    met: want ? r.e2e.p99 <= want : undefined,
  });
}

function fanoutRow(f, bare) {
  addRow({
    path: `socket fan-out to ${FANOUT_CLIENTS} clients`,
    project: `p50 ${ms(f.p50)} p99 ${ms(f.p99)}, ${f.missing} missing`,
    floor: `bare socket.io p99 ${ms(bare.p99)}`,
    ratio: `p99 ${(f.p99 / bare.p99).toFixed(2)}×`,
    goal: 'p99 ≤ 1.2× bare',
    met: f.p99 <= 1.2 * bare.p99 && !f.missing,
  });
}

/** Sends `count` jobs at `rate`/s; `send(i)` returns once sent; `arrivals` map key → receive time. */
async function paced(count, rate, send) {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(i));
  }
  await Promise.all(pending);
}

async function waitAll(map, keys, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (keys.some((k) => !map.has(k)) && Date.now() < until) await sleep(20);
}

/** (2a) Raw floor: BullMQ add → worker → socket.io emit → client (no database, no api, no Redis adapter). */
async function rawFloor(prefix, rate) {
  const count = rate * SECONDS;
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  await new Promise((r) => http.listen(PORT + 1, '127.0.0.1', r));
  const queue = new Queue('bench-raw', { connection: REDIS, prefix });
  const worker = new Worker('bench-raw', async (job) => server.emit('assigned', job.data), {
    connection: { ...REDIS, maxRetriesPerRequest: null },
    prefix,
    concurrency: 20,
  });
  const client = ioClient(`http://127.0.0.1:${PORT + 1}`, { transports: ['websocket'] });
  await new Promise((r) => client.once('connect', r));
  const sent = new Map();
  const got = new Map();
  client.on('assigned', (p) => got.set(p.i, performance.now()));
  try {
    await paced(count, rate, async (i) => {
      sent.set(i, performance.now());
      await queue.add('x', { i }, { jobId: `raw-${i}`, removeOnComplete: true });
    });
    const keys = [...sent.keys()];
    await waitAll(got, keys, 10_000);
    return stats(keys.filter((k) => got.has(k)).map((k) => got.get(k) - sent.get(k)));
  } finally {
    client.close();
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    server.close();
    http.close();
  }
}

/** A bench database, migrated and seeded with the demo data, every demo office open all week; the DEMO-23575 office. */
async function seededDatabase(env) {
  const cli = (cmd) =>
    execFileSync(process.execPath, [join(dist, 'apps/cli/src/main.js'), cmd], { env, stdio: 'ignore' });
  cli('migrate');
  cli('seed');
  const conn = await mysql.createConnection({ ...DB, database: DB_NAME });
  // Benchmarks must not depend on the hour they run: every demo office open all week, with room for the whole run.
  await conn.query('UPDATE post_offices SET opening_hours = ?, daily_capacity = 100000, updated_at = NOW(3)', [
    JSON.stringify(ALWAYS),
  ]);
  const [[office]] = await conn.query("SELECT id, lat, lng, commune_code FROM post_offices WHERE code = 'DEMO-23575'");
  return { conn, office };
}

/**
 * The api and the worker (both CPU-profiled when BENCH_PROFILE_DIR is set; their output kept in BENCH_APP_LOGS/<app>.log
 * when set, e.g. with DB_LOGGING=true LOG_LEVEL=debug to count the statements of a request); answers once the api is live.
 */
async function startApps(env, base) {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const logs = process.env.BENCH_APP_LOGS;
  const start = (app) =>
    spawn(process.execPath, [...profile, join(dist, `apps/${app}/src/main.js`)], {
      env,
      stdio: logs ? ['ignore', openSync(join(logs, `${app}.log`), 'w'), 'inherit'] : 'ignore',
    });
  const procs = [start('api'), start('worker')];
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) break;
    } catch {
      /* starting */
    }
    await sleep(200);
  }
  return procs;
}

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@0269' }),
  });
  return (await res.json()).accessToken;
}

/** A dispatcher's socket, once the server said the session is ready. */
async function dispatcherSocket(base, token) {
  const socket = ioClient(base, { path: '/socket.io', transports: ['websocket'], auth: { token } });
  await new Promise((r, j) => {
    socket.once('session:ready', r);
    socket.once('auth:error', j);
  });
  return socket;
}

/** POST /api/bcci-requests for dossier `i`, picked up at the office's point. */
function poster(base, operator, office) {
  const body = (i) => ({
    option: 'send_dossier',
    dossierCode: `BENCH-${i}`,
    procedureName: 'Bench procedure',
    field: 'Đất đai',
    agency: 'Bench agency',
    serviceLevel: '3',
    phone: `0912${String(100000 + i).padStart(6, '0')}`,
    pickupAddress: {
      detail: 'bench',
      communeCode: office.commune_code,
      lat: Number(office.lat),
      lng: Number(office.lng),
    },
  });
  return (i) =>
    fetch(`${base}/api/bcci-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify(body(i)),
    }).then((r) => r.json());
}

/** Paced creations at `rate`/s; each one's POST → dispatcher event latency, and the api's and worker's CPU per request. */
async function measureCreates({ post, procs, got, log, rate, offset }) {
  for (let i = 0; i < 20; i++) await post(offset + 90_000 + i); // warm-up
  const count = rate * SECONDS;
  const sent = new Map();
  const codes = [];
  const postTimes = [];
  // CPU per request is what the create path costs whatever else the machine runs (latencies depend on the neighbours).
  const cpuBefore = procs.map((p) => cpuMs(p.pid));
  let failed = 0;
  await paced(count, rate, async (i) => {
    const t = performance.now();
    // An overloaded api (a saturated machine) refuses or drops connections: counted, not fatal to the run.
    const res = await post(offset + i).catch(() => null);
    if (!res?.code) return void failed++;
    postTimes.push(performance.now() - t);
    sent.set(res.code, t);
    codes.push(res.code);
  });
  await waitAll(got, codes, 15_000);
  const cpuAfter = procs.map((p) => cpuMs(p.pid));
  const cpu =
    cpuBefore.every((c) => c !== null) && cpuAfter.every((c) => c !== null)
      ? procs.map((_, i) => (cpuAfter[i] - cpuBefore[i]) / count)
      : null;
  const lost = codes.filter((c) => !got.has(c)).length;
  if (lost) log(`  WARNING: ${lost} assignment event(s) not received within 15 s at ${rate} req/s`);
  if (failed) log(`  WARNING: ${failed} POST(s) failed at ${rate} req/s`);
  return {
    e2e: stats(codes.filter((c) => got.has(c)).map((c) => got.get(c) - sent.get(c))),
    post201: stats(postTimes),
    cpu,
  };
}

function benchEnv(prefix) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DB_NAME,
    REDIS_PREFIX: prefix,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    LOGIN_LIMIT_PER_USER: '100000',
    LOGIN_LIMIT_PER_IP: '100000',
    SEED_DEMO: 'true',
  };
}

/**
 * (2b) The real path at each rate: POST /api/bcci-requests → commit → BullMQ → worker routing (MySQL) → redis-emitter →
 * api socket → dispatcher; then (3b) the api's gateway fanning one event out to FANOUT_CLIENTS dispatcher sockets.
 */
async function withApps(log, prefix, { rates, fanout }) {
  const env = benchEnv(prefix);
  const { conn, office } = await seededDatabase(env);
  const base = `http://127.0.0.1:${PORT}`;
  let procs = [];
  let socket;
  const out = { rates: [], fanout: null };
  try {
    procs = await startApps(env, base);
    const operator = await login(base, 'operator1');
    const dispatcher = await login(base, 'dispatcher.pleiku');
    socket = await dispatcherSocket(base, dispatcher);
    const got = new Map();
    socket.on('dispatch:leg-assigned', (p) => got.set(p.requestCode, performance.now()));
    const post = poster(base, operator, office);
    for (const [k, rate] of rates.entries())
      out.rates.push({ rate, ...(await measureCreates({ post, procs, got, log, rate, offset: k * 100_000 })) });
    socket.close();
    socket = null;
    if (fanout)
      out.fanout = await fanOut({
        url: base,
        token: dispatcher,
        room: `office:${office.id}`,
        key: `${prefix}socket.io`,
      });
    return out;
  } finally {
    socket?.close();
    for (const p of procs) p.kill('SIGTERM');
    await sleep(500);
    await conn.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await conn.end();
  }
}

const self = fileURLToPath(import.meta.url);
const wallMs = () => performance.timeOrigin + performance.now();

/**
 * (3) FANOUT_EVENTS events, each emitted like the worker does (redis-emitter → the server's Redis adapter → every socket of
 * the room), received by FANOUT_CLIENTS sockets of a client process of its own; latency = receipt − emit (wall clock,
 * same machine), over every (event, client) pair.
 */
async function fanOut({ url, token, room, key }) {
  const { Emitter } = require('@socket.io/redis-emitter');
  const Redis = require('ioredis');
  const clients = fork(self, ['--fanout-clients'], {
    env: { ...process.env, FANOUT_URL: url, FANOUT_TOKEN: token ?? '', FANOUT_COUNT: String(FANOUT_CLIENTS) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const redis = new Redis(REDIS);
  try {
    const ready = await message(clients, 'ready', 120_000);
    if (ready.connected < FANOUT_CLIENTS) throw new Error(`only ${ready.connected} of ${FANOUT_CLIENTS} clients ready`);
    const emitter = new Emitter(redis, { key });
    for (let i = 0; i < FANOUT_EVENTS; i++) {
      emitter.to(room).emit('dispatch:leg-assigned', { i, t: wallMs() });
      await sleep(250);
    }
    await sleep(1000);
    clients.send({ type: 'collect' });
    const { latencies, missing } = await message(clients, 'latencies', 30_000);
    return { ...stats(latencies), missing };
  } finally {
    clients.kill('SIGTERM');
    await redis.quit();
  }
}

function message(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${type}' from the child in ${timeoutMs} ms`)), timeoutMs);
    const on = (m) => {
      if (m?.type !== type) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before '${type}'`)));
  });
}

/** (3a) A bare socket.io server with the same Redis adapter, in a process of its own: every socket joins the room. */
async function bareFanOut(prefix) {
  const key = `${prefix}bare-socket.io`;
  const server = fork(self, ['--fanout-bare-server'], {
    env: { ...process.env, FANOUT_PORT: String(PORT + 2), FANOUT_KEY: key },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await message(server, 'listening', 10_000);
    return await fanOut({ url: `http://127.0.0.1:${PORT + 2}`, token: null, room: 'office:bare', key });
  } finally {
    server.kill('SIGTERM');
  }
}

async function bareServerMain() {
  const { createAdapter } = require('@socket.io/redis-adapter');
  const Redis = require('ioredis');
  const pub = new Redis(REDIS);
  const sub = pub.duplicate();
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', pingInterval: 20000, pingTimeout: 20000 });
  io.adapter(createAdapter(pub, sub, { key: process.env.FANOUT_KEY }));
  io.on('connection', async (socket) => {
    await socket.join('office:bare');
    socket.emit('session:ready', {});
  });
  http.listen(Number(process.env.FANOUT_PORT), '127.0.0.1', () => process.send({ type: 'listening' }));
}

/**
 * The clients: plain WebSocket connections speaking socket.io's protocol (engine.io v4 over a websocket) — far lighter than
 * 2,000 socket.io-client instances, so that the clients' own work weighs little beside the servers'. `ws` comes with
 * socket.io-client. Each records, per event, receipt − emit.
 */
async function clientsMain() {
  const WebSocket = require('ws');
  const { FANOUT_URL: url, FANOUT_TOKEN: token } = process.env;
  const count = Number(process.env.FANOUT_COUNT);
  const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const latencies = [];
  let ready = 0;
  let expected = 0;
  const connect = () =>
    new Promise((resolve) => {
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      let done = false;
      const finish = () => (done ? undefined : ((done = true), resolve()));
      ws.on('message', (buf) => {
        const text = buf.toString();
        if (text === '2') return ws.send('3'); // engine.io ping → pong
        if (text[0] === '0') return ws.send(`40${token ? JSON.stringify({ token }) : ''}`);
        if (text.startsWith('42["session:ready"')) return (ready++, finish());
        if (text.startsWith('42["dispatch:leg-assigned"'))
          return latencies.push(wallMs() - JSON.parse(text.slice(2))[1].t);
        if (text.startsWith('42["auth:error"')) finish();
      });
      ws.on('error', finish);
      ws.on('close', finish);
    });
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, connect));
  process.send({ type: 'ready', connected: ready });
  process.on('message', (m) => {
    if (m?.type !== 'collect') return;
    expected = ready * FANOUT_EVENTS;
    process.send({ type: 'latencies', latencies, missing: expected - latencies.length });
  });
}

const goal = (ok) => (ok ? 'OK' : 'MISSED');

export async function run({ log }) {
  if (PARTS.includes('routing')) benchRouting(log);
  const e2e = PARTS.includes('e2e');
  const fanout = PARTS.includes('fanout');
  if (!e2e && !fanout) return;
  const prefix = `bench-dispatch-${process.pid}:`;
  const rates = e2e ? RATES : [];
  const floors = [];
  for (const rate of rates) floors.push(await rawFloor(`${prefix}raw`, rate));
  const bare = fanout ? await bareFanOut(prefix) : null;
  const real = await withApps(log, prefix, { rates, fanout });
  for (const [k, r] of real.rates.entries()) {
    const floor = floors[k];
    const want = E2E_GOAL_MS[r.rate];
    log(`request → dispatcher socket at ${r.rate} req/s, ${r.rate * SECONDS} requests`);
    log(`  raw floor (BullMQ add → worker → socket.io)   p50 ${ms(floor.p50)}  p99 ${ms(floor.p99)}`);
    log(`  api POST → routing → office socket           p50 ${ms(r.e2e.p50)}  p99 ${ms(r.e2e.p99)}  (n=${r.e2e.n})`);
    log(`  (of which POST /api/bcci-requests → 201: p50 ${ms(r.post201.p50)}  p99 ${ms(r.post201.p99)})`);
    if (r.cpu)
      log(`  CPU per request: api ${r.cpu[0].toFixed(2)} ms, worker ${r.cpu[1].toFixed(2)} ms (user + system, /proc)`);
    log(
      `  ratio p50 ${(r.e2e.p50 / floor.p50).toFixed(1)}×, p99 ${(r.e2e.p99 / floor.p99).toFixed(1)}×` +
        (want ? `; goal p99 ≤ ${want} ms: ${goal(r.e2e.p99 <= want)}` : ''),
    );
    rateRow(r, floor, want);
  }
  if (fanout) {
    const f = real.fanout;
    log(`fan-out of one event to ${FANOUT_CLIENTS} clients (${FANOUT_EVENTS} events; clients in their own process)`);
    log(
      `  bare socket.io + Redis adapter   p50 ${ms(bare.p50)}  p99 ${ms(bare.p99)}  max ${ms(bare.max)}  missing ${bare.missing}`,
    );
    log(
      `  api gateway (authenticated)      p50 ${ms(f.p50)}  p99 ${ms(f.p99)}  max ${ms(f.max)}  missing ${f.missing}`,
    );
    log(
      `  ratio p99 ${(f.p99 / bare.p99).toFixed(2)}×; goal p99 ≤ 1.2× bare: ${goal(f.p99 <= 1.2 * bare.p99 && !f.missing)}`,
    );
    fanoutRow(f, bare);
  }
  // Clean this run's Redis keys.
  const Redis = require('ioredis');
  const redis = new Redis(REDIS);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

// Forked by the fan-out part: the client process, or the bare server's process.
if (process.argv[1] === self && process.argv.includes('--fanout-clients')) await clientsMain();
if (process.argv[1] === self && process.argv.includes('--fanout-bare-server')) await bareServerMain();
