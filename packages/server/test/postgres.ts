import pg from 'pg';

/** The PostgreSQL every machine here runs; ORBITAL_TEST_DATABASE_URL overrides it. */
export const TEST_DATABASE_URL = process.env.ORBITAL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A throwaway database for one test file, dropped afterwards. Outside CI a missing server skips
 * the PostgreSQL tests; under CI=true it fails them, so they never skip silently.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI)
      throw new Error(
        `PostgreSQL is required under CI but unreachable at ${TEST_DATABASE_URL}: ${(error as Error).message}`,
        { cause: error },
      );
    console.warn(`[orbital] PostgreSQL unreachable at ${TEST_DATABASE_URL}; skipping its tests outside CI.`);
    return null;
  }
  const name = `orbital_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
