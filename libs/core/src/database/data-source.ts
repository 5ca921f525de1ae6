import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { Composition } from '../composition';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmLogger } from './typeorm-logger';

export type SchemaParts = Pick<Composition, 'entities' | 'migrations'>;

/** The one place that describes the database connection, for the apps, the migration CLI and the tests. */
export function buildDataSourceOptions(
  config: AppConfig,
  schema: SchemaParts,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: config.db.type,
    host: config.db.host,
    port: config.db.port,
    // Same machine: a Unix socket costs the client half the CPU per statement of loopback TCP (measured, docs/performance.md).
    ...(config.db.socketPath ? { socketPath: config.db.socketPath } : {}),
    username: config.db.username,
    password: config.db.password,
    database: config.db.database,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    logging: config.db.logging ? ['query', 'error', 'warn', 'schema', 'migration'] : ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(config.db.logging),
    poolSize: config.db.poolSize,
    // multipleStatements: the unit of work sends its deferred writes with the next statement (deferred-writes.ts); every
    // value is escaped on the client, as for any query.
    extra: { connectionLimit: config.db.poolSize, decimalNumbers: true, multipleStatements: true },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(
  config: AppConfig,
  schema: SchemaParts,
  overrides: Partial<DataSourceOptions> = {},
): DataSource {
  return new DataSource(buildDataSourceOptions(config, schema, overrides));
}
