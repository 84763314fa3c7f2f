import { orbitalOptions } from '@orbital/nuxt/server';

export default defineEventHandler((event) => {
  const config = useRuntimeConfig(event);
  return { isSatellite: Boolean(orbitalOptions(config.public.orbital, config.orbital).isSatellite) };
});
