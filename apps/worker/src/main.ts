import type { INestApplicationContext } from '@nestjs/common';
import { ConfigError, loadConfig } from '@hotline/core';

process.env.HOTLINE_APP = 'worker';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
  const { createWorkerApp } = await import('./bootstrap');
  const app = await createWorkerApp(config);
  stopOnSignals(app);
  await app.init();
}

/**
 * SIGTERM/SIGINT: stop taking work, close queues/workers, sockets and connections (module destroy/shutdown hooks), then
 * exit 0. A shutdown that hangs is cut after 25 s with exit 1.
 */
function stopOnSignals(app: INestApplicationContext): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${signal}: shutting down ${process.env.HOTLINE_APP}…\n`);
      setTimeout(() => process.exit(1), 25000).unref();
      app.close().then(
        () => process.exit(0),
        (err) => {
          process.stderr.write(`shutdown failed: ${err?.stack ?? err}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err) => {
  process.stderr.write(`worker failed to start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
