import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseUnavailableError, PoolMisuseError } from '../errors/domain-errors';
import { batchingQuery, batchOf } from './deferred-writes';

interface TransactionStore {
  manager: EntityManager;
  /** False once the transaction's callback settled: work it started and left running is no longer "inside" it. */
  open: boolean;
  /** The unit of work running in this transaction (one async context for both: each one costs on every promise). */
  unit?: unknown;
}

const context = new AsyncLocalStorage<TransactionStore>();

/** The entity manager of the transaction the caller runs in, if any (repositories use it so every query joins the transaction). */
export function activeTransaction(): EntityManager | undefined {
  const store = context.getStore();
  return store?.open ? store.manager : undefined;
}

/**
 * The manager to read and write with: the caller's transaction when there is one, else the pool. Code that can run both
 * inside and outside a transaction (lookups, caches) uses this, so it never takes a second connection while holding one.
 */
export function dbManager(ds: DataSource): EntityManager {
  return activeTransaction() ?? ds.manager;
}

/** The unit of work bound to the caller's open transaction (see bindUnitOfWork), if any. */
export function activeUnitOfWork<U>(): U | undefined {
  const store = context.getStore();
  return store?.open ? (store.unit as U | undefined) : undefined;
}

/** Binds a unit of work to the transaction the caller runs in (its callback's own context); false outside one. */
export function bindUnitOfWork(unit: unknown): boolean {
  const store = context.getStore();
  if (!store?.open) return false;
  store.unit = unit;
  return true;
}

/** Runs `work` with `manager` as the active transaction of everything it awaits (and `unit` as its unit of work). */
export async function runInTransactionContext<T>(
  manager: EntityManager,
  work: () => Promise<T>,
  unit?: unknown,
): Promise<T> {
  const store: TransactionStore = { manager, open: true, unit };
  return context.run(store, async () => {
    try {
      return await work();
    } finally {
      store.open = false;
    }
  });
}

export interface PoolGuardOptions {
  /** How long a request may wait for a free connection before it is answered 503 instead of hanging. */
  acquireTimeoutMs: number;
  /** Run once on every new connection: the server-side statement timeout (see statementTimeoutSql). */
  sessionSql?: string;
  /**
   * The client-side safety net behind the server's statement timeout (a server or network that stopped answering): a
   * query without an answer this long fails with PROTOCOL_SEQUENCE_TIMEOUT and its connection is destroyed.
   */
  queryTimeoutMs?: number;
}

/** The server-side statement timeout: the server stops the statement (the connection stays usable), mysql2 only stops waiting. */
export function statementTimeoutSql(type: 'mariadb' | 'mysql', ms: number): string {
  return type === 'mariadb'
    ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}`
    : `SET SESSION max_execution_time = ${Math.round(ms)}`;
}

type QueryCallback = (err: { code?: string } | null, ...rest: unknown[]) => void;

interface PooledConnection {
  release(): void;
  destroy(): void;
  query(sql: unknown, values?: unknown, cb?: QueryCallback): unknown;
  format(sql: string, values?: unknown): string;
}

type Obtain = () => Promise<PooledConnection>;

/**
 * Makes pool starvation impossible to write and impossible to wait on forever:
 * - every `DataSource.transaction` callback runs in a transaction context, and a connection requested from the pool while
 *   one is open in the same async flow is refused at once (`PoolMisuseError`, a bug: the query must go through the
 *   transaction's manager). Ten concurrent requests that each held a connection and waited for a second one once locked
 *   the whole api;
 * - waiting for a free connection is bounded by `acquireTimeoutMs` (mysql2's pool has no acquire timeout): the caller
 *   gets `DatabaseUnavailableError` (503 with Retry-After) and a connection that arrives late goes straight back;
 * - each new connection gets `sessionSql` (the server-side statement timeout) before its first use, and a query with no
 *   answer after `queryTimeoutMs` fails and its connection is destroyed at once (the server may still be running it).
 *   One watchdog for the pool checks the deadlines twice a second: mysql2's own per-query timeout costs a timer and an
 *   options object on every query, which showed in the CPU per request.
 */
export function installPoolGuard(ds: DataSource, options: PoolGuardOptions): void {
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as { transaction: unknown }).transaction = (isolationOrWork: unknown, maybeWork?: unknown) => {
    const work = (typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork) as (
      m: EntityManager,
    ) => Promise<unknown>;
    const wrapped = (m: EntityManager) => runInTransactionContext(m, () => work(m));
    return typeof isolationOrWork === 'function' ? transaction(wrapped) : transaction(isolationOrWork, wrapped);
  };

  const driver = ds.driver as unknown as { obtainMasterConnection: Obtain };
  const obtain = driver.obtainMasterConnection.bind(driver);
  const prepared = new WeakSet<PooledConnection>();
  const watchdog = new QueryWatchdog(options.queryTimeoutMs);
  const destroy = ds.destroy.bind(ds);
  ds.destroy = () => {
    watchdog.stop();
    return destroy();
  };
  const pool = (ds.driver as unknown as { pool?: { _freeConnections?: { length: number } } }).pool;
  // Synchronous once a connection is prepared: no extra promise on every query's way to the pool.
  const ready = (connection: PooledConnection): PooledConnection | Promise<PooledConnection> =>
    prepared.has(connection)
      ? connection
      : prepare(connection, options.sessionSql, watchdog).then(() => {
          prepared.add(connection);
          return connection;
        });
  driver.obtainMasterConnection = () => {
    if (activeTransaction()) return Promise.reject(new PoolMisuseError());
    // A free connection is handed over on the next tick (mysql2's pool): no wait to bound, no timer to arm.
    if ((pool?._freeConnections?.length ?? 0) > 0) return obtain().then(ready);
    return withAcquireTimeout(() => obtain().then(ready), options.acquireTimeoutMs);
  };
}

interface InFlight {
  deadline: number;
  expire: () => void;
}

/** The deadlines of the queries in flight on a pool; one interval (unref'd) fails those past theirs. */
class QueryWatchdog {
  private readonly inFlight = new Set<InFlight>();
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly timeoutMs: number | undefined) {}

  watch(expire: () => void): InFlight | null {
    if (!this.timeoutMs) return null;
    const entry = { deadline: Date.now() + this.timeoutMs, expire };
    this.inFlight.add(entry);
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), Math.min(500, this.timeoutMs));
      this.timer.unref();
    }
    return entry;
  }

  done(entry: InFlight | null): void {
    if (entry) this.inFlight.delete(entry);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    const now = Date.now();
    for (const entry of this.inFlight)
      if (entry.deadline <= now) {
        this.inFlight.delete(entry);
        entry.expire();
      }
  }
}

function queryTimeoutError(ms: number): Error & { code: string } {
  return Object.assign(new Error(`Query inactivity timeout (no answer within ${ms} ms)`), {
    code: 'PROTOCOL_SEQUENCE_TIMEOUT',
    errorno: 'PROTOCOL_SEQUENCE_TIMEOUT',
    syscall: 'query',
  });
}

/** The session settings, the query deadline, and a release that destroys a connection whose query timed out. */
async function prepare(
  connection: PooledConnection,
  sessionSql: string | undefined,
  watchdog: QueryWatchdog,
): Promise<void> {
  if (sessionSql) {
    await new Promise<void>((resolve, reject) =>
      connection.query(sessionSql, [], (err) => (err ? reject(err) : resolve())),
    );
  }
  let poisoned = false;
  // Writes deferred by the unit of work travel with the next statement (see deferred-writes.ts).
  const query = batchingQuery(connection, connection.query.bind(connection) as never);
  connection.query = (sql: unknown, values?: unknown, cb?: QueryCallback) => {
    const callback = (typeof values === 'function' ? values : cb) as QueryCallback | undefined;
    let settled = false;
    const watched = (err: { code?: string } | null, rows?: unknown, fields?: unknown) => {
      if (settled) return; // the answer that arrives after the deadline
      settled = true;
      watchdog.done(deadline);
      if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') poisoned = true;
      callback?.(err, rows, fields);
    };
    // Past the deadline: answer the caller, then drop the connection at once, so that what is queued behind the hung
    // statement (a transaction's ROLLBACK) fails now instead of waiting for it; it leaves the pool, a new one replaces it.
    const deadline = watchdog.watch(() => {
      watched(queryTimeoutError(watchdog.timeoutMs!));
      poisoned = true;
      connection.destroy();
    });
    return query(sql, typeof values === 'function' ? undefined : values, watched);
  };
  const release = connection.release.bind(connection);
  const batch = batchOf(connection);
  connection.release = () => {
    // A transaction always ends with COMMIT or ROLLBACK, which empty the queue; nothing queued outlives its connection's turn.
    batch.pending = [];
    batch.bytes = 0;
    return poisoned ? connection.destroy() : release();
  };
}

function withAcquireTimeout(obtain: Obtain, ms: number): Promise<PooledConnection> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new DatabaseUnavailableError(`no database connection free within ${ms} ms`));
    }, ms);
    obtain().then(
      (connection) => {
        if (late) connection.release();
        else {
          clearTimeout(timer);
          resolve(connection);
        }
      },
      (err: unknown) => {
        if (late) return;
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
