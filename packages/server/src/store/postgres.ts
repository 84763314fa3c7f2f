import type { SqlClient } from './sql-client';
import { createSqlStore } from './sql-store';
import type { Store } from './types';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

/** The production store: PostgreSQL through a node-postgres pool; many auth-server instances may share it. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const client: SqlClient = {
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({ query: async (text, params) => (await conn.query(text, params)).rows });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
  const store = createSqlStore(client);
  await store.migrate();
  return store;
}
