// @ts-expect-error Nitro's virtual module, present where this runs
import { useRuntimeConfig } from '#imports';
import { orbitalOptions } from '../options';
import { createAuthEventHandler } from './event-handler';

/** Orbital's Nitro middleware, configured from the runtime config (then `ORBITAL_*` env vars). */
export default createAuthEventHandler((event) => {
  const config = useRuntimeConfig(event);
  return {
    options: () => orbitalOptions(config.public.orbital, config.orbital),
    assets: config.app.buildAssetsDir ?? '/_nuxt/',
  };
});
