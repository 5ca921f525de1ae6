import { ConfigError, loadConfig } from '@hotline/core';

process.env.HOTLINE_APP = 'api';

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
  // Imported after the config check so a bad environment fails fast, before any module is loaded.
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  const address = await app.getUrl();
  const { Logger } = await import('nestjs-pino');
  app.get(Logger).log(`api listening on ${address} (public URL ${config.http.publicUrl})`);
}

main().catch((err) => {
  process.stderr.write(`api failed to start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
