import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, ConfigError } from '../config/app-config';

/** Reads and validates the environment; on a bad one prints every problem and exits 1 before any module loads. */
export function loadConfigOrExit(load: () => AppConfig): AppConfig {
  try {
    return load();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * SIGTERM/SIGINT: stop taking work, close queues/workers, sockets and connections (module destroy/shutdown hooks), then
 * exit 0. A shutdown that hangs is cut after 25 s with exit 1.
 */
export function stopOnSignals(app: INestApplicationContext, name: string): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${signal}: shutting down ${name}…\n`);
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

/** Runs a process's main function; a failure to start is printed and exits 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((err) => {
    process.stderr.write(`${name} failed to start: ${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
