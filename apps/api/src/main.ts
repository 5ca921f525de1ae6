import { loadConfigOrExit, runMain, stopOnSignals } from '@hotline/core';

process.env.HOTLINE_APP = 'api';

runMain('api', async () => {
  // The composition (and with it every context's config schema) is loaded here; the app's modules only after the check.
  const { loadAppConfig } = await import('../../composition/src');
  const config = loadConfigOrExit(loadAppConfig);
  // Imported after the config check so a bad environment fails fast, before any module is loaded.
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(config);
  stopOnSignals(app, 'api');
  await app.listen({ port: config.http.port, host: config.http.host });
  const { Logger } = await import('nestjs-pino');
  app.get(Logger).log(`api listening on ${await app.getUrl()} (public URL ${config.http.publicUrl})`);
});
