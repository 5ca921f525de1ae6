// Reads an optional .env file (KEY=VALUE lines) into an object; real environment variables win over it.
import { existsSync, readFileSync } from 'node:fs';

export function loadEnv(file = '.env') {
  const fromFile = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
      if (!m) continue;
      fromFile[m[1]] = m[2].replace(/(^|\s+)#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  return { ...fromFile, ...process.env };
}

/**
 * The worker's V8 heap cap, one setting for every way it is started (`npm start`, `npm run start:worker`, `npm run start:dev`,
 * the benchmark; docker/compose.yml reads the same variable). Bounded, V8 collects the short-lived garbage of arming and firing
 * timers instead of letting the old space grow to 170–240 MB between full GCs (docs/feedback.md, Benchmark). Throws with a
 * message naming the variable when the value is not a whole number of megabytes in range.
 */
export const WORKER_MAX_OLD_SPACE_MB_DEFAULT = 192;
export function workerHeapMb(env = process.env) {
  const raw = String(env.WORKER_MAX_OLD_SPACE_MB ?? '').trim();
  if (raw === '') return WORKER_MAX_OLD_SPACE_MB_DEFAULT;
  const mb = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(mb) || mb < 64 || mb > 16384) {
    throw new Error(
      `WORKER_MAX_OLD_SPACE_MB must be a whole number of megabytes from 64 to 16384 (got "${raw}"); default ${WORKER_MAX_OLD_SPACE_MB_DEFAULT}`,
    );
  }
  return mb;
}
export function workerNodeArgs(env = process.env) {
  return [`--max-old-space-size=${workerHeapMb(env)}`];
}
