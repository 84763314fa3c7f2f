import { createApp, defineEventHandler, sendRedirect, toWebHandler } from 'h3';
import { runAdapterConformance, type AdapterDriver } from '@orbital/conformance';
import { routeGuard, type OrbitalOptions } from '@orbital/core';
import { requireAuth } from './auth';
import { serverVerdict } from './context';
import { createAuthEventHandler } from './event-handler';

const FIX = "add '@orbital/nuxt' to modules in nuxt.config";

/**
 * A Nitro app in-process: Orbital's server middleware, then one route that reads
 * `event.context.auth` — protecting pages the way the `orbital-auth` route middleware does and
 * API routes with `requireAuth(event)`.
 */
function nitroApp(options: OrbitalOptions, protect: boolean) {
  const app = createApp();
  app.use(createAuthEventHandler(() => ({ options: () => options, assets: '/_nuxt/' })));
  app.use(
    defineEventHandler((event) => {
      // Requests Orbital passed through belong to the auth server's own route.
      if (!event.context.auth) return new Response('null', { headers: { 'content-type': 'application/json' } });
      if (protect && event.path.startsWith('/api/')) requireAuth(event);
      else if (protect) {
        const signIn = routeGuard(serverVerdict(event), event.path, FIX);
        if (signIn) return sendRedirect(event, signIn, 307);
      }
      return new Response(JSON.stringify(event.context.auth), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return toWebHandler(app);
}

const driver: AdapterDriver = {
  unauthorizedBody: 'json',
  app: (options) => ({
    async request(request, { protect = false } = {}) {
      const response = await nitroApp(options, protect)(request);
      const auth = response.status === 200 ? JSON.parse(await response.clone().text()) : null;
      return { response, auth };
    },
  }),
  guardWithoutMiddleware: () => routeGuard(serverVerdict(undefined), '/dashboard', FIX),
};

runAdapterConformance('@orbital/nuxt server middleware, requireAuth and the orbital-auth guard', driver);
