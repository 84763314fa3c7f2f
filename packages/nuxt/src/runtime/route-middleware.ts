import { routeGuard } from '@orbital/core';
import { useOrbital } from '@orbital/vue';
// @ts-expect-error Nuxt's virtual module, present where this runs
import { defineNuxtRouteMiddleware, navigateTo, useRequestEvent } from '#imports';
import { serverVerdict } from './server/context';

/**
 * The `orbital-auth` route middleware: `definePageMeta({ middleware: 'orbital-auth' })` sends
 * signed-out users to sign in, coming back to the page afterwards. On the server it reads the
 * verdict of Orbital's server middleware (and lets nobody through without one); in the browser,
 * the browser client.
 */
export default defineNuxtRouteMiddleware(async (to: { fullPath: string }) => {
  if (import.meta.server) {
    const signIn = routeGuard(
      serverVerdict(useRequestEvent()),
      to.fullPath,
      "add '@orbital/nuxt' to modules in nuxt.config",
    );
    return signIn ? navigateTo(signIn, { external: true, redirectCode: 307 }) : undefined;
  }
  const orbital = useOrbital();
  await orbital.load();
  if (orbital.getSnapshot().session) return;
  return navigateTo(
    orbital.buildUrlWithAuth(orbital.buildSignInUrl({ redirectUrl: new URL(to.fullPath, window.location.href).href })),
    { external: true },
  );
});
