/**
 * The composition root shared by the three server apps (api, worker, cli): every context's entities, the migrations and the
 * job catalog (which queue runs which job), assembled from what each context exports through its public index. libs/core
 * receives this through `CoreModule.forRoot(config, COMPOSITION)` and stays generic.
 */
import { CORE_ENTITIES, CORE_JOB_QUEUE, type Composition, type JobCatalog } from '@hotline/core';
import { CALLS_ENTITIES, CALLS_JOB_QUEUE } from '@hotline/calls';
import { DISPATCH_ENTITIES, DISPATCH_JOB_QUEUE } from '@hotline/dispatch';
import { FEEDBACK_ENTITIES, FEEDBACK_JOB_QUEUE } from '@hotline/feedback';
import { GEO_ENTITIES } from '@hotline/geo';
import { IDENTITY_ENTITIES, IDENTITY_JOB_QUEUE } from '@hotline/identity';
import { SLA_ENTITIES } from '@hotline/sla';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  ...CORE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...GEO_ENTITIES,
  ...CALLS_ENTITIES,
  ...DISPATCH_ENTITIES,
  ...SLA_ENTITIES,
  ...FEEDBACK_ENTITIES,
];

export const JOB_CATALOG: JobCatalog = {
  ...CORE_JOB_QUEUE,
  ...IDENTITY_JOB_QUEUE,
  ...CALLS_JOB_QUEUE,
  ...DISPATCH_JOB_QUEUE,
  ...FEEDBACK_JOB_QUEUE,
};

export const COMPOSITION: Composition = { entities: ENTITIES, migrations: MIGRATIONS, jobs: JOB_CATALOG };

export { MIGRATIONS };
