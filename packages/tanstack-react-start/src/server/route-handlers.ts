import { mountAuthServer } from '@orbital/core/server';

/**
 * Mounts the Orbital auth server (or a satellite's proxy to it) on a server route: use as the
 * `handlers` of `src/routes/api/auth/$.ts`. The server is created on the first request.
 *
 * @example export const Route = createFileRoute('/api/auth/$')({ server: { handlers: createAuthServerHandlers(() => createOrbitalServer(…)) } });
 */
export function createAuthServerHandlers(server: Parameters<typeof mountAuthServer>[0]) {
  const mounted = mountAuthServer(server);
  const handle = ({ request }: { request: Request }) => mounted(request);
  return { GET: handle, HEAD: handle, POST: handle, PATCH: handle, PUT: handle, DELETE: handle, OPTIONS: handle };
}
