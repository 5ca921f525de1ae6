/** For TypeORM's own CLI (`typeorm -d dist/apps/composition/src/cli-data-source.js ...`): the same DataSource as the apps. */
import { createDataSource, loadConfig } from '@hotline/core';
import { COMPOSITION } from './index';

export default createDataSource(loadConfig(), COMPOSITION);
