import { createServerFn } from '@tanstack/react-start';
import { getAuth, requireAuth, startOptions } from '@orbital/tanstack-react-start/server';

/** Whether this app runs as a satellite: read on the server, where the env lives. */
export const getRole = createServerFn().handler(() => ({ isSatellite: Boolean(startOptions().isSatellite) }));

/** The request's user as the server sees it (null when signed out). */
export const getServerUser = createServerFn().handler(() => ({ userId: getAuth().userId }));

/** What the protected page shows: refused with 401 for a caller without a session. */
export const getDashboard = createServerFn().handler(() => {
  const { userId, sessionId, orgId, orgRole, claims } = requireAuth();
  return { userId, sessionId, orgId, orgRole, expiresAt: new Date(claims.exp * 1000).toISOString() };
});
