/** Every migration, in order. `npm run migration:generate -- Name` adds new ones between the markers. */
// -- imports --
import { Initial1795991170172 } from './1795991170172-Initial';
import { LoadCommunes1795991171172 } from './1795991171172-LoadCommunes';
import { Citizens1795993457128 } from './1795993457128-Citizens';

export const MIGRATIONS: Function[] = [
  Initial1795991170172,
  LoadCommunes1795991171172,
  Citizens1795993457128,
  // -- end --
];
