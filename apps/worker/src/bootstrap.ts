import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, AppLogger, createLogger } from '@hotline/core';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(
  config: AppConfig,
  options: { schedule?: boolean } = {},
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger: new AppLogger(createLogger(config.log, { app: 'worker' })),
    abortOnError: false,
  });
}
