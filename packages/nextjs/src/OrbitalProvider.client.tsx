import { ConfigurationError } from '@orbital/core';
import { OrbitalProvider as ReactProvider, type OrbitalProviderProps } from '@orbital/react';
import { RouterRefresh } from './router-refresh.js';

/**
 * The provider outside server components: like the React one, with the publishable key read from
 * NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY (which Next.js inlines) when the prop is left out. `dynamic`
 * means something only in server components (the root layout), where the server provider renders.
 */
export function OrbitalProvider({
  publishableKey,
  dynamic: _dynamic,
  ...props
}: Omit<OrbitalProviderProps, 'publishableKey'> & { publishableKey?: string; dynamic?: boolean }) {
  const key = publishableKey ?? process.env.NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY;
  if (!key)
    throw new ConfigurationError(
      'publishable_key_missing',
      'Orbital needs a publishable key: set NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY in .env.local (or pass publishableKey).',
    );
  return (
    <ReactProvider publishableKey={key} {...props}>
      <RouterRefresh />
      {props.children}
    </ReactProvider>
  );
}
