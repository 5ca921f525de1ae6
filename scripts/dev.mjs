// `npm run start:dev`: TypeScript in watch mode, api + worker restarted on change (node --watch), and the dashboard's
// Vite dev server with hot reload proxying /api and /socket.io to the api. Migrate and seed once first.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadEnv, workerNodeArgs } from './env.mjs';

const env = loadEnv();
const node = process.execPath;
// Checked first (a bad value stops here, before the build); the watched worker runs with the same heap cap as in production.
const workerArgs = workerNodeArgs(env);
execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env });
execFileSync(node, ['dist/apps/cli/src/main.js', 'migrate'], { stdio: 'inherit', env });
execFileSync(node, ['dist/apps/cli/src/main.js', 'seed'], { stdio: 'inherit', env });

const procs = [
  spawn('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit', env }),
  spawn('npx', ['tsc-alias', '-p', 'tsconfig.build.json', '--watch'], { stdio: 'inherit', env }),
  spawn(node, ['--watch', 'dist/apps/api/src/main.js'], { stdio: 'inherit', env }),
  spawn(node, [...workerArgs, '--watch', 'dist/apps/worker/src/main.js'], { stdio: 'inherit', env }),
];
if (existsSync('apps/dashboard/vite.config.ts'))
  procs.push(spawn('npx', ['vite', '--config', 'apps/dashboard/vite.config.ts'], { stdio: 'inherit', env }));
const stop = () => {
  for (const p of procs) p.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
