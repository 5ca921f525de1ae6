import type { EntityManager } from 'typeorm';

/**
 * Writes whose answer nobody waits for, sent with the transaction's next statement instead of on their own: a unit of work
 * that begins, reads a row, inserts it with its history and outbox rows and commits takes two round trips to MariaDB
 * (`START TRANSACTION; SELECT …` and `INSERT …; INSERT …; INSERT …; COMMIT`) instead of six. The order of the statements on
 * the connection is unchanged — every statement, a read included, goes after the writes queued before it — so a
 * transaction reads its own writes as before. A queued write that fails makes the statement it travels with fail (the
 * server stops at the first error of a batch), so the transaction rolls back with that error: nothing half-written.
 *
 * Only statements whose outcome the caller does not branch on are deferred (ids made here, no unique key the use case
 * answers 409 on): history rows, outbox rows, a new call or ticket row. A ROLLBACK drops what is queued.
 * The batch is one `multipleStatements` query, formatted (escaped) on the client as mysql2 does for every `query`.
 */

/** What the pool guard's connection wrapper keeps per connection. */
export interface StatementBatch {
  /** Formatted statements waiting for the next round trip. */
  pending: string[];
  bytes: number;
}

/** A queue grows to this before it is sent on its own (far below MariaDB's max_allowed_packet). */
export const MAX_BATCH_BYTES = 1 << 20;

interface FormattingConnection {
  format(sql: string, values?: unknown): string;
}

const batches = new WeakMap<object, StatementBatch>();

/** The batch of a connection prepared by the pool guard (created there). */
export function batchOf(connection: object): StatementBatch {
  let batch = batches.get(connection);
  if (!batch) {
    batch = { pending: [], bytes: 0 };
    batches.set(connection, batch);
  }
  return batch;
}

/**
 * Runs a write in the caller's transaction: queued for the next statement of the transaction when its connection batches,
 * at once otherwise (outside a transaction, or on a connection the pool guard did not prepare).
 */
export async function deferWrite(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<void> {
  const runner = manager.queryRunner as { isTransactionActive?: boolean; databaseConnection?: object } | undefined;
  const connection = runner?.isTransactionActive ? runner.databaseConnection : undefined;
  const batch = connection ? batches.get(connection) : undefined;
  if (!connection || !batch || batch.bytes > MAX_BATCH_BYTES) {
    await manager.query(sql, params as unknown[]);
    return;
  }
  const statement = (connection as unknown as FormattingConnection).format(sql, params);
  batch.pending.push(statement);
  batch.bytes += statement.length;
}

type QueryCallback = (err: { code?: string } | null, rows?: unknown, fields?: unknown) => void;
type RawQuery = (sql: unknown, values: unknown, cb: QueryCallback) => unknown;

const OK_PACKET = Object.freeze({ affectedRows: 0, insertId: 0, warningStatus: 0 });

/**
 * The connection's query with batching: START TRANSACTION is queued (sent with the first statement), a ROLLBACK drops the
 * queue (the server has nothing of it), any other statement goes after the queued ones in one query whose last result is
 * its answer (its last results, when it is itself a multi-statement query).
 */
export function batchingQuery(connection: FormattingConnection & object, query: RawQuery): RawQuery {
  const batch = batchOf(connection);
  return (sql, values, cb) => {
    const text = typeof sql === 'string' ? sql : (sql as { sql?: string } | null)?.sql;
    if (text === 'START TRANSACTION') {
      batch.pending.push(text);
      batch.bytes += text.length;
      process.nextTick(cb, null, OK_PACKET, undefined);
      return undefined;
    }
    if (!batch.pending.length || text === undefined) return query(sql, values, cb);
    const queued = batch.pending;
    batch.pending = [];
    batch.bytes = 0;
    if (text === 'ROLLBACK') {
      // Only the queue was "in" the transaction: when the server never saw its START TRANSACTION, nothing to roll back.
      if (queued[0] !== 'START TRANSACTION') return query(sql, values, cb);
      process.nextTick(cb, null, OK_PACKET, undefined);
      return undefined;
    }
    const own = Array.isArray(values) && values.length ? connection.format(text, values) : text;
    // Its own answer: one result, or the list of them when it is itself several statements (as mysql2 answers it alone).
    const ownOf = (all: unknown[] | undefined) =>
      all && all.length === queued.length + 1 ? all[queued.length] : all?.slice(queued.length);
    return query(`${queued.join(';\n')};\n${own}`, [], (err, rows, fields) =>
      err ? cb(err) : cb(null, ownOf(rows as unknown[]), ownOf(fields as unknown[] | undefined)),
    );
  };
}
