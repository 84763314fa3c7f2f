import type { QueryConfig } from 'pg';
import { createStallGuard } from './stall-guard';
import type { SqlClient, SqlExecutor } from './sql-client';
import { storeUnavailable } from './types';
import { createSqlStore } from './sql-store';
import type { Store } from './types';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Milliseconds a query may take before it fails with `store_unavailable` (default 5000). */
  queryTimeout?: number;
  /**
   * Milliseconds with queries waiting and none answered after which PostgreSQL counts as hung
   * (paused, partitioned): waiting requests get `store_unavailable` then, and new ones at once
   * until a probe answers (default 500).
   */
  stallTimeout?: number;
}

/** The production store: PostgreSQL through a node-postgres pool; many auth-server instances may share it. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const store = createSqlStore(await createPostgresClient(options));
  await store.migrate();
  return store;
}

/**
 * The pool behind the store. No failure of a connection ends the process: idle clients and clients
 * checked out for a transaction have their `error` handled, and a client whose connection broke is
 * discarded, not returned to the pool. Every query has a deadline.
 */
export async function createPostgresClient(options: PostgresStoreOptions): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const timeout = options.queryTimeout ?? 5_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // The client gives up on a hung server; the server gives up on a statement and on a transaction left open.
    query_timeout: timeout,
    statement_timeout: timeout,
    idle_in_transaction_session_timeout: timeout * 2,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const stallAfter = options.stallTimeout ?? 500;
  const guard = createStallGuard({
    stallAfter,
    // A connection of its own: the pool's may all be stuck on the hung server.
    probe: async () => {
      const probe = new pg.Client({
        connectionString: options.connectionString,
        connectionTimeoutMillis: stallAfter,
        query_timeout: stallAfter,
      });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.query('SELECT 1');
      } finally {
        void probe.end().catch(() => {});
      }
    },
    unavailable: storeUnavailable,
    onChange: (cause) =>
      console.warn(
        cause
          ? `[orbital] PostgreSQL does not answer (${cause.message}): answering store_unavailable until it does`
          : '[orbital] PostgreSQL answers again',
      ),
  });
  // Named statements: each connection parses and plans a query once, then only binds and runs it
  // (token refreshes ran ~60% faster in the bench). Transactions (and so migrations) stay unnamed.
  const names = new Map<string, string>();
  let generation = 0;
  const statement = (text: string, values: unknown[] | undefined) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `orbital_${generation}_${names.size}`));
    return { name, text, values };
  };
  const query = (text: string, params?: unknown[]) => guard.run(() => prepared(text, params));
  const prepared = async (text: string, params?: unknown[]) => {
    try {
      return (await pool.query(statement(text, params))).rows;
    } catch (error) {
      // 0A000 "cached plan must not change result type": another instance migrated the schema
      // under a prepared statement (a rolling deploy). Prepare everything afresh.
      if ((error as { code?: string }).code !== '0A000') throw error;
      generation += 1;
      names.clear();
      return (await pool.query(statement(text, params))).rows;
    }
  };
  const client: SqlClient = {
    query,
    // Migrations wait for each other's lock as long as they must: only bounded work is guarded.
    transaction: (fn, { unbounded = false } = {}) =>
      unbounded ? transaction(fn, true) : guard.run(() => transaction(fn, false)),
    close: async () => {
      guard.close();
      await pool.end();
    },
  };
  async function transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, unbounded: boolean): Promise<T> {
    const conn = await pool.connect();
    // node-postgres reads a per-query `query_timeout` (its types do not list it).
    const run = (text: string, params?: unknown[]) =>
      conn.query({ text, values: params, ...(unbounded && { query_timeout: 10 * 60_000 }) } as QueryConfig);
    // A connection that dies while checked out (a database restart between two statements)
    // emits 'error' on this client, which the pool no longer listens to: unhandled, it would
    // end the process. Remember it, fail this transaction, and discard the client.
    let broken: Error | undefined;
    const onError = (error: Error) => void (broken = error);
    conn.on('error', onError);
    try {
      await run('BEGIN');
      if (unbounded) await run('SET LOCAL statement_timeout = 0');
      const result = await fn({ query: async (text, params) => (await run(text, params)).rows });
      await run('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await conn.query('ROLLBACK').catch((rollback: Error) => void (broken = rollback));
      throw error;
    } finally {
      conn.off('error', onError);
      conn.release(broken ?? false);
    }
  }
  return client;
}
