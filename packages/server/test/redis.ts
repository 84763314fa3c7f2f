import { createConnection } from 'node:net';

/** The Redis every machine here runs; ORBITAL_TEST_REDIS_URL overrides it. */
export const TEST_REDIS_URL = process.env.ORBITAL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers. Outside CI a missing server skips its tests; under CI=true that fails them. */
export async function redisAvailable(): Promise<boolean> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (!reachable && process.env.CI) throw new Error(`Redis is required under CI but unreachable at ${TEST_REDIS_URL}.`);
  if (!reachable) console.warn(`[orbital] Redis unreachable at ${TEST_REDIS_URL}; skipping its tests outside CI.`);
  return reachable;
}
