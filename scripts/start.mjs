// `npm start` after the build: migrate, seed, then run the api (which serves the dashboard) and the worker,
// print the URL and the logins, and stop both cleanly on Ctrl-C / SIGTERM.
import { spawn, execFileSync } from 'node:child_process';
import { loadEnv, workerNodeArgs } from './env.mjs';
// Terminal output of an operations script (the apps log through pino/Nest; this is a CLI talking to a person).
const out = (...parts) => process.stdout.write(`${parts.map(String).join(' ')}\n`);
const err = (...parts) => process.stderr.write(`${parts.map(String).join(' ')}\n`);

const env = loadEnv();
let workerArgs;
try {
  workerArgs = workerNodeArgs(env); // checked before anything runs
} catch (e) {
  err(e.message);
  process.exit(1);
}
const node = process.execPath;
const cli = (args, extra = {}) =>
  execFileSync(node, ['dist/apps/cli/src/main.js', ...args], {
    env: { ...env, ...extra },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

try {
  process.stdout.write(cli(['migrate']));
} catch {
  err(
    `\nCould not migrate the database. Is MariaDB/MySQL reachable at ${env.DB_HOST ?? '127.0.0.1'}:${env.DB_PORT ?? 3306}?`,
  );
  err('Start it (or `docker compose -f docker/compose.yml up -d`) and check DB_* in .env (see .env.example).');
  process.exit(1);
}
const report = JSON.parse(cli(['seed'], { SEED_REPORT_JSON: '1' }).trim().split('\n').pop());

const children = [];
let stopping = false;
function run(name, script, nodeArgs = []) {
  const child = spawn(node, [...nodeArgs, script], { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      err(`${name} stopped (${signal ?? code}); stopping the others`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}
function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('api', 'dist/apps/api/src/main.js');
// The worker's heap is bounded (its live set is < 100 MB with 200,000 armed SLA timers; without a bound V8 lets garbage grow the
// heap past 250 MB between full GCs): WORKER_MAX_OLD_SPACE_MB (default 192), docs/feedback.md, Benchmark. The same setting is
// read by `npm run start:worker` (scripts/worker.mjs), `npm run start:dev` and docker/compose.yml.
run('worker', 'dist/apps/worker/src/main.js', workerArgs);

const port = env.PORT ?? '3000';
const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/live`);
    if (res.ok) break;
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
const lines = [
  ``,
  `  Tổng đài 0269.3888.222 is running: ${url}`,
  `  API docs: ${url}/docs   Health: ${url}/health   Queues (admin): ${url}/admin/queues`,
  ``,
  `  Logins (username / password / role):`,
];
for (const l of report.logins)
  lines.push(`    ${l.username.padEnd(20)} ${l.password.padEnd(14)} ${l.role.padEnd(11)} ${l.note}`);
if (report.demo === 'disabled') lines.push('  (demo data disabled: SEED_DEMO=false)');
else
  lines.push(
    '  Demo data: one [DEMO] post office per commune — import the real offices as CSV (Admin › Post offices).',
  );
out(lines.join('\n') + '\n');
