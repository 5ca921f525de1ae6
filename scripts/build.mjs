// Compiles apps and libs to dist/ (tsc, then path aliases rewritten), and the dashboard when it exists.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['tsc-alias', '-p', 'tsconfig.build.json']);
if (existsSync('apps/dashboard/package.json') || existsSync('apps/dashboard/vite.config.ts')) {
  run('npx', ['tsc', '-p', 'apps/dashboard/tsconfig.json', '--noEmit']);
  run('npx', ['vite', 'build', '--config', 'apps/dashboard/vite.config.ts']);
}
