// The bench's load generator, run as its own process (never inside the api's or the floor's): autocannon with the options
// given as JSON in argv[2] (plus two of its own: `paths`, one path per request taken in turn across all connections, and
// `sequence`, requests sent in order on one connection per cycle, each cycle with a number of its own); prints one JSON line { requests, rps, p50, p95, p99, errors, non2xx, statuses } on stdout.
// Latencies are the exact response times autocannon reports per request (its own histogram keeps whole milliseconds,
// too coarse for a 1 ms path).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const opts = JSON.parse(process.argv[2]);

/**
 * The requests autocannon cycles through: `bodies` (one per request, in turn per connection), `paths` (the next path of the
 * list for every request, whichever connection sends it) or `sequence` ({ bodies, values }: the bodies of one cycle sent in
 * order on one connection, `{{n}}` in them replaced by the cycle's number, unique in the run, and `{{value}}` by
 * values[n % values.length] — e.g. the three CTI events of one call).
 */
function requests() {
  const method = opts.method ?? (opts.bodies || opts.sequence ? 'POST' : 'GET');
  const headers = opts.headers ?? {};
  if (opts.paths) {
    let next = 0;
    return [{ method, headers, setupRequest: (req) => ({ ...req, path: opts.paths[next++ % opts.paths.length] }) }];
  }
  if (opts.sequence) {
    const { bodies, values = [''] } = opts.sequence;
    let cycles = 0;
    return bodies.map((template, i) => ({
      method,
      headers,
      setupRequest: (req, context) => {
        if (i === 0) context.n = cycles++;
        const n = String(context.n);
        const body = template.replaceAll('{{n}}', n).replaceAll('{{value}}', values[context.n % values.length]);
        return { ...req, body };
      },
    }));
  }
  return opts.bodies?.map((body) => ({ method, body, headers }));
}
const times = [];
const statuses = {};
const instance = autocannon({
  url: opts.url,
  method: opts.method ?? 'GET',
  headers: opts.headers ?? {},
  body: opts.body,
  // A body per request (e.g. unique keys): a list cycled through by autocannon; or paths, or sequences (see requests).
  requests: requests(),
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
