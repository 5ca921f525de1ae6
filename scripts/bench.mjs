// `npm run bench` (after the build): runs every scripts/bench/<name>.mjs, or only those named on the command line
// (`npm run bench -- dispatch`). Each exports `run({ log })`, measures against a raw floor in the same run and prints ratios.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !only.length || only.includes(f.replace(/\.mjs$/, '')));
if (!files.length) {
  console.log('No benchmarks to run.');
  process.exit(0);
}
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.mjs$/, '');
  console.log(`\n=== bench: ${name}`);
  const started = Date.now();
  try {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    await mod.run({ log: (...args) => console.log(`[${name}]`, ...args) });
    console.log(`=== ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed++;
    console.error(`=== ${name} FAILED:`, err?.stack ?? err);
  }
}
process.exit(failed ? 1 : 0);
