// One auth-server instance for the throughput bench, in its own process (as in production).
// The built package, as users run it.
import pg from 'pg';
import { createOrbitalServer, createPostgresStore } from '../dist/index.js';
import { serve } from '../dist/node.js';

// The statements the store sends, with their values, so the bench can count and EXPLAIN them.
const sent: Array<{ text: string; values: unknown[] }> = [];
const query = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
pg.Pool.prototype.query = function (this: pg.Pool, config: unknown, ...rest: unknown[]) {
  if (config && typeof config === 'object' && 'text' in config)
    sent.push({ text: String(config.text), values: (config as { values?: unknown[] }).values ?? [] });
  if (sent.length > 50) sent.shift();
  return query.call(this, config, ...rest);
} as never;

const postgres = await createPostgresStore({ connectionString: process.env.BENCH_DATABASE_URL!, max: 20 });
// Counts the activity writes the server asks for, whether or not the row changes.
let activityWrites = 0;
const store = {
  ...postgres,
  touchSession: (...args: Parameters<typeof postgres.touchSession>) => (
    activityWrites++,
    postgres.touchSession(...args)
  ),
};
const server = createOrbitalServer({
  url: process.env.BENCH_URL!,
  store,
  ...(process.env.BENCH_WRITE_INTERVAL && { activityWriteInterval: Number(process.env.BENCH_WRITE_INTERVAL) }),
  ...(process.env.BENCH_ALGORITHM && { signingAlgorithm: process.env.BENCH_ALGORITHM as 'RS256' | 'ES256' }),
  rateLimits: { signUpPerIp: { limit: 100_000, window: 60 } },
});
const handler = async (request: Request, context: { ip?: string }) => {
  const { pathname } = new URL(request.url);
  if (pathname === '/__bench/activity-writes') return Response.json({ activityWrites });
  if (pathname === '/__bench/queries') return Response.json(sent.splice(0));
  return server.handler(request, context);
};
await serve(handler, { port: Number(process.env.PORT), hostname: '127.0.0.1' });
console.log('READY');
process.once('SIGINT', () => process.exit(0));
