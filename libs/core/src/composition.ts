import type { MigrationInterface } from 'typeorm';
import type { JobCatalog } from './queues/queue-map';

/** An entity class (TypeORM reads its decorators). */
export type EntityClass = new (...args: never[]) => object;
export type MigrationClass = new () => MigrationInterface;

/**
 * What the apps assemble from the contexts and hand to `CoreModule.forRoot` (apps/composition): core stays generic and
 * imports no context; the one DataSource gets every entity and migration, the queues module every job and its queue.
 */
export interface Composition {
  entities: EntityClass[];
  migrations: MigrationClass[];
  jobs: JobCatalog;
}

export const COMPOSITION = Symbol('COMPOSITION');
