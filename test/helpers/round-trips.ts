import type { DataSource } from 'typeorm';

type Spied = { addCommand: (cmd: { sql?: string }) => unknown };

/**
 * Every round trip of the pool's connections while `work` runs: the SQL text of each query sent (a multi-statement query
 * is one entry). For tests that pin how many round trips a hot path takes.
 */
export async function roundTrips(ds: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const pool = (ds.driver as unknown as { pool: { on(e: string, f: (c: object) => void): void } }).pool;
  const sent: string[] = [];
  let on = true;
  const seen = new WeakSet<object>();
  const spy = (conn: object) => {
    if (seen.has(conn)) return;
    seen.add(conn);
    const inner = (conn as { connection?: Spied }).connection ?? (conn as Spied);
    const add = inner.addCommand.bind(inner);
    inner.addCommand = (cmd) => {
      if (on && typeof cmd.sql === 'string') sent.push(cmd.sql);
      return add(cmd);
    };
  };
  pool.on('acquire', spy);
  const all = (ds.driver as unknown as { pool: { _allConnections: { toArray(): object[] } } }).pool._allConnections;
  all.toArray().forEach(spy);
  try {
    await work();
  } finally {
    on = false;
  }
  return sent;
}
