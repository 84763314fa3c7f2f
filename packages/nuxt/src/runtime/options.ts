import { ENV_OPTIONS, PUBLIC_ENV_PREFIX, resolveOptions, type OrbitalOptions } from '@orbital/core';

type Values = Record<string, unknown> | undefined;

/** Runtime-config values as the env vars core reads: one parser (lists, flags, numbers) for every framework. */
function asEnv(values: Values, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {})
      .filter(([key, v]) => key in ENV_OPTIONS && v !== '' && v !== undefined && v !== null)
      .map(([key, v]) => [`${prefix}ORBITAL_${ENV_OPTIONS[key as keyof typeof ENV_OPTIONS].env}`, String(v)]),
  );
}

/**
 * Orbital options from the runtime config's `orbital` values (public and private, which Nuxt
 * fills from `NUXT_PUBLIC_ORBITAL_*` / `NUXT_ORBITAL_*`), falling back to `ORBITAL_*` env vars.
 * Errors name what to set.
 */
export function orbitalOptions(publicValues: Values, privateValues?: Values): OrbitalOptions {
  const env = typeof process === 'undefined' ? {} : process.env;
  return resolveOptions(
    { ...env, ...asEnv(publicValues, PUBLIC_ENV_PREFIX.nuxt), ...asEnv(privateValues, '') },
    PUBLIC_ENV_PREFIX.nuxt,
  );
}
