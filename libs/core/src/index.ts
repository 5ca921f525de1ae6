export * from './config/app-config';
export * from './config/env-schema';
export * from './config/config.module';
export * from './database/columns';
export * from './database/core-entities';
export * from './database/data-source';
export * from './database/database.module';
export * from './database/transaction-context';
export { deferWrite } from './database/deferred-writes';
export {
  hydrate,
  insertStatement,
  plainFindOne,
  plainUpdate,
  selectList,
  updateStatement,
} from './database/entity-sql';
export * from './database/snake-naming.strategy';
export * from './redis/redis';
export * from './redis/redis.module';
export * from './queues/queue-map';
export * from './queues/job-handler.decorator';
export * from './queues/job-registry.service';
export * from './queues/job-queue.service';
export * from './queues/queues.module';
export * from './queues/reconciler.service';
export * from './clock/clock';
export * from './errors/domain-errors';
export * from './errors/all-exceptions.filter';
export * from './errors/validation-fields';
export * from './auth/auth-user';
export * from './auth/decorators';
export * from './auth/auth.guard';
export * from './realtime/realtime-emitter';
export * from './logging/redact';
export * from './logging/logger';
export * from './logging/app-logger';
export * from './logging/request-logger';
export * from './util/uuid';
export * from './util/strip-undefined';
export * from './core.module';
export * from './composition';
export * from './outbox';
export * from './audit/audit-log.entity';
export * from './audit/audit';
export * from './database/app-setting.entity';
export * from './redis/redis-throttler.storage';
export * from './process/process-lifecycle';
export * from './database/base.repository';
export * from './queues/rearm';
export * from './cache/versioned-cache';
export * from './cache/invalidation-bus';
export * from './pagination/cursor';
export * from './pagination/text-cursor';
export * from './testing/fake-unit-of-work';
export * from './testing/fake-clock';
export * from './testing/fake-invalidation-bus';
