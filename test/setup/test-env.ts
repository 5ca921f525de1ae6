/**
 * Where the end-to-end tests find MariaDB/MySQL and Redis. Every jest worker gets its own database
 * (hotline_test_<run>_<worker>) and its own Redis key prefix, so test files never see each other's data, and two test
 * runs on one machine (two developers' sessions, CI) never drop each other's databases.
 */
export const TEST_DB = {
  host: process.env.TEST_DB_HOST ?? process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_DB_PORT ?? process.env.DB_PORT ?? 3306),
  user: process.env.TEST_DB_USER ?? process.env.DB_USER ?? 'root',
  password: process.env.TEST_DB_PASSWORD ?? process.env.DB_PASSWORD ?? '',
  type: (process.env.TEST_DB_TYPE ?? process.env.DB_TYPE ?? 'mariadb') as 'mariadb' | 'mysql',
};
export const TEST_REDIS = {
  host: process.env.TEST_REDIS_HOST ?? process.env.REDIS_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_REDIS_PORT ?? process.env.REDIS_PORT ?? 6379),
};
export const TEST_DB_PREFIX = 'hotline_test_';
export const TEST_REDIS_PREFIX = 'hotline-test';

/** The jest main process's pid, set by the global setup and inherited by the workers. */
export function runId(): string {
  return process.env.HOTLINE_TEST_RUN ?? String(process.pid);
}

export function workerId(): string {
  return `${runId()}_${process.env.JEST_WORKER_ID ?? '1'}`;
}

/** A run is stale when the process that started it is gone. */
export function isStaleRun(pid: string): boolean {
  if (!/^\d+$/.test(pid)) return true;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch {
    return true;
  }
}
