/** @orbital/nuxt/server — for server routes: the request's auth and the auth-server handler. */
export { getAuth, requireAuth } from './runtime/server/auth';
export { defineAuthServerHandler } from './runtime/server/handler';
export { orbitalOptions } from './runtime/options';
