import { loadConfigOrExit, runMain, stopOnSignals } from '@hotline/core';

process.env.HOTLINE_APP = 'worker';

runMain('worker', async () => {
  const config = loadConfigOrExit();
  const { createWorkerApp } = await import('./bootstrap');
  const app = await createWorkerApp(config);
  stopOnSignals(app, 'worker');
  await app.init();
});
