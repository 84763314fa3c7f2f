import { mountAuthServer } from '@orbital/core/server';

/**
 * Mounts the Orbital auth server in a Next.js app: export these from
 * `app/api/auth/[...orbital]/route.ts`. Accepts the server or a promise of it (created lazily, so
 * `next build` opens no database).
 *
 * @example export const { GET, POST, PATCH, DELETE, OPTIONS } = createRouteHandlers(getServer());
 */
export function createRouteHandlers(server: Parameters<typeof mountAuthServer>[0]) {
  const handle = mountAuthServer(server);
  return { GET: handle, HEAD: handle, POST: handle, PATCH: handle, PUT: handle, DELETE: handle, OPTIONS: handle };
}
