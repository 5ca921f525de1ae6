import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
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
}
