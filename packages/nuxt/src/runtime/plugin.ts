import { orbital } from '@orbital/vue';
import { publicOptions, type PublicOrbitalOptions } from '@orbital/core';
import { initialAuthState, type InitialAuthState } from '@orbital/core/browser';
// @ts-expect-error Nuxt's virtual module, present where this runs
import { defineNuxtPlugin, refreshNuxtData, useRequestEvent, useRuntimeConfig, useState } from '#imports';
import { orbitalOptions } from './options';

interface Ref<T> {
  value: T;
}

/**
 * Installs `@orbital/vue`. The server resolves the options (runtime config, then env vars) and
 * the request's auth, and hands both to the browser in the payload: the first render in the
 * browser matches the HTML, and both sides use the same configuration.
 */
export default defineNuxtPlugin((nuxtApp: { vueApp: { use: (plugin: unknown, options: unknown) => void } }) => {
  const options = useState('orbital-options', () => null) as Ref<PublicOrbitalOptions | null>;
  const initial = useState('orbital-initial-state', () => null) as Ref<InitialAuthState | null>;
  if (import.meta.server) {
    options.value = publicOptions(orbitalOptions(useRuntimeConfig().public.orbital));
    const context = useRequestEvent()?.context;
    if (context?.auth) initial.value = initialAuthState(context.auth, context.orbital?.diagnostic);
  }
  // A client-only render (no server payload) configures itself from the public runtime config.
  options.value ??= publicOptions(orbitalOptions(useRuntimeConfig().public.orbital));
  // Another tab signed in, out or switched: data fetched for this page (useFetch, useAsyncData) is refetched.
  nuxtApp.vueApp.use(orbital, {
    ...options.value,
    initialState: initial.value ?? undefined,
    routerRefresh: () => refreshNuxtData(),
  });
});
