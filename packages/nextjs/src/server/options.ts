import { PUBLIC_ENV_PREFIX, resolveOptions, type OrbitalOptions } from '@orbital/core';

/** Options from props or arguments first, then `NEXT_PUBLIC_ORBITAL_*` / `ORBITAL_*` env vars. */
export function nextOptions(overrides: Partial<OrbitalOptions> = {}): OrbitalOptions {
  return resolveOptions(process.env, PUBLIC_ENV_PREFIX.nextjs, overrides);
}
