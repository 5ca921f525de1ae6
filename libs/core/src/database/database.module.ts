import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { SchemaParts, buildDataSourceOptions } from './data-source';
import { PoolGuardOptions, installPoolGuard, statementTimeoutSql } from './transaction-context';

const GUARD = 'hotlinePoolGuard';

/**
 * The apps' DataSource: the shared options plus what a long-running server needs and a migration does not — a query timeout
 * and the pool guard (no second connection inside a transaction, bounded wait for a free one).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, schema),
            // Read by dataSourceFactory below (TypeORM ignores it; mysql2's pool has no acquire timeout of its own). The
            // server stops a statement after DB_QUERY_TIMEOUT_MS; the guard's client-side deadline, a little later, is the
            // safety net for a server that stopped answering.
            [GUARD]: {
              acquireTimeoutMs: config.db.acquireTimeoutMs,
              sessionSql: statementTimeoutSql(config.db.type, config.db.queryTimeoutMs),
              queryTimeoutMs: config.db.queryTimeoutMs + 2000,
            },
            // Boot must not hang forever when the database is down; the health check reports it instead.
            retryAttempts: 3,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            installPoolGuard(ds, (options as unknown as { [GUARD]: PoolGuardOptions })[GUARD]);
            return ds;
          },
        }),
      ],
    };
  }
}
