import { PUBLIC_ENV_PREFIX, resolveOptions, type OrbitalOptions } from '@orbital/core';

/** Options from arguments first, then `VITE_ORBITAL_*` / `ORBITAL_*` env vars (read at run time on the server). */
export function startOptions(overrides: Partial<OrbitalOptions> = {}): OrbitalOptions {
  return resolveOptions(process.env, PUBLIC_ENV_PREFIX['tanstack-start'], overrides);
}
