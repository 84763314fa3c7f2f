import { defineEventHandler, toWebRequest } from 'h3';
import { mountAuthServer } from '@orbital/core/server';

/**
 * Mounts the Orbital auth server (or a satellite's proxy to it) as a Nitro handler: the default
 * export of `server/routes/api/auth/[...].ts`. The server is created on the first request.
 *
 * @example export default defineAuthServerHandler(async () => createOrbitalServer({ url, store: await createPgliteStore('.orbital/data') }));
 */
export function defineAuthServerHandler(server: Parameters<typeof mountAuthServer>[0]) {
  const mounted = mountAuthServer(server);
  return defineEventHandler((event) => mounted(toWebRequest(event)));
}
