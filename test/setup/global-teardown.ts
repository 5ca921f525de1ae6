/** Databases are kept after the run for inspection; the next run's global setup drops them. */
export default async function globalTeardown(): Promise<void> {}
