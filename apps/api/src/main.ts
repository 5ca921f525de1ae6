import { Logger } from '@nestjs/common';
import { loadConfigOrExit, runMain, stopOnSignals } from '@hotline/core';

runMain('api', async () => {
  // The composition (and with it every context's config schema) is loaded here; the app's modules only after the check.
  const { loadAppConfig } = await import('../../composition/src');
  const config = loadConfigOrExit(loadAppConfig);
  // Imported after the config check so a bad environment fails fast, before any module is loaded.
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(config);
  stopOnSignals(app, 'api');
  await app.listen({ port: config.http.port, host: config.http.host });
  new Logger('Api').log(`api listening on ${await app.getUrl()} (public URL ${config.http.publicUrl})`);
});
