/**
 * The composition root shared by the three server apps (api, worker, cli): every context's entities, the migrations and the
 * job catalog (which queue runs which job), assembled from what each context exports through its public index. libs/core
 * receives this through `CoreModule.forRoot(config, COMPOSITION)` and stays generic.
 */
import {
  CORE_ENTITIES,
  CORE_JOB_QUEUE,
  type AppConfig,
  type Composition,
  type ContextConfigFragments,
  type Env,
  type JobCatalog,
  loadConfig,
} from '@hotline/core';
import { CALLS_CONFIG_SCHEMA, CALLS_ENTITIES, CALLS_JOB_QUEUE } from '@hotline/calls';
import { DISPATCH_CONFIG_SCHEMA, DISPATCH_ENTITIES, DISPATCH_JOB_QUEUE } from '@hotline/dispatch';
import { FEEDBACK_CONFIG_SCHEMA, FEEDBACK_ENTITIES, FEEDBACK_JOB_QUEUE } from '@hotline/feedback';
import { GEO_ENTITIES } from '@hotline/geo';
import { IDENTITY_CONFIG_SCHEMA, IDENTITY_ENTITIES, IDENTITY_JOB_QUEUE } from '@hotline/identity';
import { CALENDAR_ENTITIES } from '@hotline/calendar';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  ...CORE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...GEO_ENTITIES,
  ...CALLS_ENTITIES,
  ...DISPATCH_ENTITIES,
  ...CALENDAR_ENTITIES,
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

/** Every context's settings: with core's, one schema validated once at boot (every bad variable in one message). */
export const CONFIG_FRAGMENTS: ContextConfigFragments = {
  identity: IDENTITY_CONFIG_SCHEMA,
  calls: CALLS_CONFIG_SCHEMA,
  dispatch: DISPATCH_CONFIG_SCHEMA,
  feedback: FEEDBACK_CONFIG_SCHEMA,
};

/** The apps' configuration: the environment (process.env, or a test's) read through core's and every context's schema. */
export function loadAppConfig(source: Env = process.env): AppConfig {
  return loadConfig(source, CONFIG_FRAGMENTS);
}

export { MIGRATIONS };
