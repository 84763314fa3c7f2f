/** Migrations on start, a liveness probe for `/health`, and closing the pool. */
import { migrations } from '../migrations';
import type { SqlClient } from '../sql-client';

/** Applies the migrations not yet applied, in order, once across every instance starting at the same time. */
export async function migrate(db: SqlClient): Promise<void> {
  await db.transaction(
    async (tx) => {
      // Several instances may start at once: one migrates, the others wait and find nothing to do.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('orbital_migrations'))`);
      await tx.query(
        'CREATE TABLE IF NOT EXISTS orbital_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set(
        (await tx.query<{ version: number }>('SELECT version FROM orbital_migrations')).map((r) => Number(r.version)),
      );
      for (const [index, sql] of migrations.entries()) {
        if (done.has(index + 1)) continue;
        for (const statement of sql
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean))
          await tx.query(statement);
        await tx.query('INSERT INTO orbital_migrations (version) VALUES ($1)', [index + 1]);
      }
    },
    { unbounded: true },
  );
}

export async function ping(db: SqlClient): Promise<void> {
  await db.query('SELECT 1');
}

export function close(db: SqlClient): Promise<void> {
  return db.close();
}
