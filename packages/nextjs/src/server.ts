/** @orbital/nextjs/server — middleware, `auth()`, route matching and the auth-server route handler. */
export { orbitalMiddleware, type MiddlewareAuth } from './server/middleware';
export { auth, type NextAuth } from './server/auth';
export { createRouteMatcher } from './server/route-matcher';
export { createRouteHandlers } from './server/route-handlers';
export { nextOptions } from './server/options';
