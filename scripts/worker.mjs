// `npm run start:worker`: the built worker with its heap cap from WORKER_MAX_OLD_SPACE_MB (default 192, see scripts/env.mjs),
// read from the environment or .env like `npm start`. Signals are passed on, and the worker's exit code is ours.
import { spawn } from 'node:child_process';
import { loadEnv, workerNodeArgs } from './env.mjs';

const env = loadEnv();
let args;
try {
  args = workerNodeArgs(env);
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
const child = spawn(process.execPath, [...args, 'dist/apps/worker/src/main.js'], { env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
