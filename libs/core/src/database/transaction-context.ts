import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseUnavailableError, PoolMisuseError } from '../errors/domain-errors';

interface TransactionStore {
  manager: EntityManager;
  /** False once the transaction's callback settled: work it started and left running is no longer "inside" it. */
  open: boolean;
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

/** Runs `work` with `manager` as the active transaction of everything it awaits. */
export async function runInTransactionContext<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const store: TransactionStore = { manager, open: true };
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
 * - each new connection gets `sessionSql` (the server-side statement timeout) before its first use, and a connection whose
 *   query hit mysql2's own (client-side) timeout is destroyed on release: the server may still be running that query.
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
  driver.obtainMasterConnection = () => {
    if (activeTransaction()) return Promise.reject(new PoolMisuseError());
    return withAcquireTimeout(async () => {
      const connection = await obtain();
      if (!prepared.has(connection)) {
        await prepare(connection, options.sessionSql);
        prepared.add(connection);
      }
      return connection;
    }, options.acquireTimeoutMs);
  };
}

/** The session settings, and a release that destroys the connection after a client-side timeout instead of reusing it. */
async function prepare(connection: PooledConnection, sessionSql: string | undefined): Promise<void> {
  if (sessionSql) {
    await new Promise<void>((resolve, reject) =>
      connection.query(sessionSql, [], (err) => (err ? reject(err) : resolve())),
    );
  }
  let poisoned = false;
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, cb?: QueryCallback) => {
    const callback = (typeof values === 'function' ? values : cb) as QueryCallback | undefined;
    const watched: QueryCallback = (err, ...rest) => {
      if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') poisoned = true;
      callback?.(err, ...rest);
    };
    return typeof values === 'function' ? query(sql, watched) : query(sql, values, watched);
  };
  const release = connection.release.bind(connection);
  connection.release = () => (poisoned ? connection.destroy() : release());
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
