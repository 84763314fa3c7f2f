// better-auth's session endpoint on the same PostgreSQL, in its own process: the peer anchor.
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import pg from 'pg';

const auth = betterAuth({
  baseURL: `http://127.0.0.1:${process.env.PORT}`,
  secret: 'bench-secret-bench-secret-bench-secret-0123456789',
  database: new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 20 }),
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
});
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
createServer(toNodeHandler(auth)).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'));
