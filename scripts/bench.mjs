// `npm run bench` (after the build): runs every scripts/bench/<name>.mjs, or only those named on the command line
// (`npm run bench -- dispatch`). Each exports `run({ log })`, measures against a raw floor in the same run and prints ratios.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printSummary } from './bench/lib/harness.mjs';
// Terminal output of an operations script (the apps log through pino/Nest; this is a CLI talking to a person).
const out = (...parts) => process.stdout.write(`${parts.map(String).join(' ')}\n`);
const err = (...parts) => process.stderr.write(`${parts.map(String).join(' ')}\n`);

const dir = join(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .sort()
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !only.length || only.includes(f.replace(/\.mjs$/, '')));
if (!files.length) {
  out('No benchmarks to run.');
  process.exit(0);
}
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.mjs$/, '');
  out(`\n=== bench: ${name}`);
  const started = Date.now();
  try {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    await mod.run({ log: (...args) => out(`[${name}]`, ...args) });
    out(`=== ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    err(`=== ${name} FAILED:`, error?.stack ?? error);
  }
}
printSummary(out);
process.exit(failed ? 1 : 0);
