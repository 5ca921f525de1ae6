// The bench's load generator, run as its own process (never inside the api's or the floor's): autocannon with the options
// given as JSON in argv[2]; prints one JSON line { requests, rps, p50, p95, p99, errors, non2xx, statuses } on stdout.
// Latencies are the exact response times autocannon reports per request (its own histogram keeps whole milliseconds,
// too coarse for a 1 ms path).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const opts = JSON.parse(process.argv[2]);
const times = [];
const statuses = {};
const instance = autocannon({
  url: opts.url,
  method: opts.method ?? 'GET',
  headers: opts.headers ?? {},
  body: opts.body,
  // A body per request (e.g. unique keys): a list cycled through by autocannon.
  requests: opts.bodies?.map((body) => ({ method: opts.method ?? 'POST', body, headers: opts.headers ?? {} })),
  connections: opts.connections ?? 16,
  amount: opts.amount,
  duration: opts.amount ? undefined : (opts.duration ?? 5),
  overallRate: opts.rate,
  timeout: 30,
});
instance.on('response', (_client, status, _bytes, ms) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
  times.push(ms);
});
instance.on('done', (result) => {
  const sorted = Float64Array.from(times).sort();
  const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
  const seconds = (result.finish - result.start) / 1000 || result.duration;
  process.stdout.write(
    `${JSON.stringify({
      requests: times.length,
      rps: Math.round(times.length / seconds),
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      statuses,
    })}\n`,
  );
});
