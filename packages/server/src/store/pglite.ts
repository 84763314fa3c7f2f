import type { SqlClient } from './sql-client';
import { createSqlStore } from './sql-store';
import type { Store } from './types';

/**
 * The embedded default: PostgreSQL compiled to WASM, persisted in a folder (or in memory when no
 * folder is given). Zero set-up; one process at a time per folder.
 */
export async function createPgliteStore(dataDir?: string): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir && !dataDir.includes('://')) (await import('node:fs')).mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const client: SqlClient = {
    query: async (text, params) => (await db.query(text, params)).rows as never,
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params)).rows as never })),
    close: () => db.close(),
  };
  const store = createSqlStore(client);
  await store.migrate();
  return store;
}
