import { Logger } from '@nestjs/common';
import { getHeapStatistics } from 'node:v8';
import { loadConfigOrExit, runMain, stopOnSignals } from '@hotline/core';

runMain('worker', async () => {
  // The composition (and with it every context's config schema) is loaded here; the app's modules only after the check.
  const { loadAppConfig } = await import('../../composition/src');
  const config = loadConfigOrExit(loadAppConfig);
  const { createWorkerApp } = await import('./bootstrap');
  const app = await createWorkerApp(config);
  stopOnSignals(app, 'worker');
  await app.init();
  logHeapLimit();
});

/**
 * The heap cap comes from WORKER_MAX_OLD_SPACE_MB through the start scripts and compose (`--max-old-space-size`); V8's limit adds
 * the young generation (~48 MB) to it. Without a cap the limit is several GB and the worker's RSS grows with garbage: say so.
 */
function logHeapLimit(): void {
  const mb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  const logger = new Logger('Worker');
  const flag = /--max[-_]old[-_]space[-_]size/;
  const capped = process.execArgv.some((a) => flag.test(a)) || flag.test(process.env.NODE_OPTIONS ?? '');
  if (!capped)
    logger.warn(
      `V8 heap limit ${mb} MB: the worker runs without a heap cap. Start it with \`npm run start:worker\` (WORKER_MAX_OLD_SPACE_MB, default 192)`,
    );
  else logger.log(`V8 heap limit ${mb} MB (old space capped by --max-old-space-size, WORKER_MAX_OLD_SPACE_MB)`);
}
