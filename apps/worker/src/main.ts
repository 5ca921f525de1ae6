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
  await app.init();
}

main().catch((err) => {
  process.stderr.write(`worker failed to start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
