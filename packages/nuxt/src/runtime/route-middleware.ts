import { signInRedirectUrl } from '@orbital/core';
import { useOrbital } from '@orbital/vue';
// @ts-expect-error Nuxt's virtual module, present where this runs
import { defineNuxtRouteMiddleware, navigateTo, useRequestEvent, useRequestURL } from '#imports';

/**
 * The `auth` route middleware: `definePageMeta({ middleware: 'auth' })` sends signed-out users to
 * sign in, coming back to the page afterwards. On the server it reads `event.context.auth`; in
 * the browser, the browser client.
 */
export default defineNuxtRouteMiddleware(async (to: { fullPath: string }) => {
  const target = new URL(to.fullPath, useRequestURL()).href;
  if (import.meta.server) {
    const context = useRequestEvent()?.context;
    if (!context?.auth || !context.orbital || context.auth.isSignedIn) return;
    return navigateTo(signInRedirectUrl(context.orbital.options, target), { external: true, redirectCode: 307 });
  }
  const orbital = useOrbital();
  await orbital.load();
  if (orbital.getSnapshot().session) return;
  return navigateTo(orbital.redirectWithAuth(orbital.buildSignInUrl({ redirectUrl: target })), { external: true });
});
