/** Entry point for the TypeORM CLI (`npm run migration:generate -- Name`), run on the compiled output. */
import { createDataSource } from './data-source';

export default createDataSource();
