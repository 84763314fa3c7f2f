import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../test/postgres';
import { createPostgresClient } from './postgres';
import { createSqlStore } from './sql-store';

const database = await createTestDatabase();
afterAll(() => database?.drop());

/** Ends every connection to the test database but the caller's: what a database restart looks like to a pool. */
async function terminateConnections(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  await admin.end();
}

describe.skipIf(!database)('PostgreSQL connections that die', () => {
  it('a connection terminated inside a transaction fails that transaction, and the process and the pool live on', async () => {
    const client = await createPostgresClient({ connectionString: database!.url });
    const store = createSqlStore(client);
    await store.migrate();
    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      // between two statements of a transaction the connection is checked out and idle: the moment a restart hurts
      const transaction = client.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await terminateConnections(database!.url);
        await new Promise((resolve) => setTimeout(resolve, 200)); // the termination arrives as an 'error' event
        return tx.query('SELECT 2');
      });
      await expect(transaction).rejects.toBeDefined();
      expect(unhandled).toEqual([]);
      // the broken client was discarded: the next queries get healthy connections
      expect(await client.query('SELECT 41 + 1 AS answer')).toEqual([{ answer: 42 }]);
      await store.ping();
    } finally {
      process.off('uncaughtException', onUncaught);
      await client.close();
    }
  });

  it('a hung query fails at its deadline instead of holding the request', async () => {
    const client = await createPostgresClient({ connectionString: database!.url, queryTimeout: 300 });
    try {
      await expect(client.query('SELECT pg_sleep(5)')).rejects.toThrow(/timeout|canceling statement/i);
    } finally {
      await client.close();
    }
  });
});
