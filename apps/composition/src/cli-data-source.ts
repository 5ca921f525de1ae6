/** For TypeORM's own CLI (`typeorm -d dist/apps/composition/src/cli-data-source.js ...`): the same DataSource as the apps. */
import { createDataSource } from '@hotline/core';
import { COMPOSITION, loadAppConfig } from './index';

export default createDataSource(loadAppConfig(), COMPOSITION);
