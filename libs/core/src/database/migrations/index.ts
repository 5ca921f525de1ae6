/** Every migration, in order. `npm run migration:generate -- Name` adds new ones between the markers. */
// -- imports --
import { Initial1795991170172 } from './1795991170172-Initial';
import { LoadCommunes1795991171172 } from './1795991171172-LoadCommunes';

export const MIGRATIONS: Function[] = [
  Initial1795991170172,
  LoadCommunes1795991171172,
  // -- end --
];
