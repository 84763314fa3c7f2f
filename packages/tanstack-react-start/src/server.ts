/** @orbital/tanstack-react-start/server — request middleware, `getAuth()` and the auth-server route. */
export { orbitalMiddleware } from './server/middleware';
export { getAuth, requireAuth } from './server/auth';
export { createAuthServerHandlers } from './server/route-handlers';
export { startOptions } from './server/options';
