import { ConfigurationError, optionsFromEnv, parsePublishableKey, type OrbitalOptions } from '@orbital/core';

/** Options from props or arguments first, then `NEXT_PUBLIC_ORBITAL_*` / `ORBITAL_*` env vars. */
export function nextOptions(overrides: Partial<OrbitalOptions> = {}): OrbitalOptions {
  const options = { ...optionsFromEnv(process.env, 'NEXT_PUBLIC_'), ...defined(overrides) };
  if (!options.publishableKey) {
    throw new ConfigurationError('publishable_key_missing', 'Orbital needs a publishable key: set NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY in .env.local (or pass publishableKey).');
  }
  parsePublishableKey(options.publishableKey, 'NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY');
  return options as OrbitalOptions;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
