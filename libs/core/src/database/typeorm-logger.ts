import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

/**
 * TypeORM's log lines through the process logger (pino JSON in the apps), never console.log. Query parameters are left out:
 * they carry citizens' phone numbers and names. DB_LOGGING=true logs every statement at debug level.
 */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly everyQuery: boolean) {}

  logQuery(query: string): void {
    if (this.everyQuery) this.logger.debug(query);
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`Query failed: ${typeof error === 'string' ? error : error.message} — ${truncate(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${truncate(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  /** The migration CLI prints its own summary; TypeORM's step-by-step lines are for debugging. */
  logMigration(message: string): void {
    this.logger.debug(message);
  }

  /** TypeORM's own notes ("No migrations are pending"…): warnings matter, the rest is for debugging. */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function truncate(query: string): string {
  return query.length > 500 ? `${query.slice(0, 500)}…` : query;
}
