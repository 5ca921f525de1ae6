import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { deferWrite } from './deferred-writes';
import { insertStatement, updateStatement } from './entity-sql';
import { dbManager } from './transaction-context';

/**
 * What every repository of a context extends: its queries run on the transaction of the unit of work it is called in (found
 * through the async context, so a repository cannot be used "beside" the transaction by mistake), or on the pool outside one.
 * Only repositories touch TypeORM; services and use cases call their methods.
 */
export abstract class BaseRepository {
  protected constructor(protected readonly ds: DataSource) {}

  protected get manager(): EntityManager {
    return dbManager(this.ds);
  }

  protected repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  /**
   * Inserts whole rows, sent with the transaction's next statement (its COMMIT at the latest: see deferWrite) — for rows
   * whose ids are made here and whose insert the use case does not branch on. A failure fails the unit of work.
   */
  protected insertDeferred<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: readonly E[]): Promise<void> {
    if (!rows.length) return Promise.resolve();
    const { sql, params } = insertStatement(this.ds, entity, rows);
    return deferWrite(this.manager, sql, params);
  }

  /**
   * Updates the row(s) matching `where` (properties), sent with the transaction's next statement like insertDeferred — for a
   * row this transaction holds locked, whose update the use case does not branch on (no affected-rows check).
   */
  protected updateDeferred<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    changes: Partial<E>,
    where: Partial<E>,
  ): Promise<void> {
    const { sql, params } = updateStatement(this.manager, entity, changes, where);
    return deferWrite(this.manager, sql, params);
  }
}
