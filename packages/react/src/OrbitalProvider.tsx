import { useEffect, useState, type ReactNode } from 'react';
import { Orbital, type OrbitalLoadOptions } from '@orbital/core/browser';
import { OrbitalContext, type InitialAuthState } from './context';

export interface OrbitalProviderProps extends OrbitalLoadOptions {
  publishableKey: string;
  /** The auth state the server rendered with (framework adapters pass it). */
  initialState?: InitialAuthState | undefined;
  /** Re-renders what the server rendered when another tab signs in, out or switches (framework adapters pass their router's). */
  routerRefresh?: (() => unknown) | undefined;
  children?: ReactNode;
}

/**
 * Makes the browser client available to hooks and components, and loads it.
 *
 * @example <OrbitalProvider publishableKey="pk_test_…" afterSignOutUrl="/"><App /></OrbitalProvider>
 */
export function OrbitalProvider({
  publishableKey,
  initialState,
  routerRefresh,
  children,
  ...options
}: OrbitalProviderProps) {
  const [orbital] = useState(
    () => new Orbital(publishableKey, { proxyUrl: options.proxyUrl, cookieDomain: options.cookieDomain }),
  );
  useEffect(() => {
    void orbital
      .load({ ...options, serverDiagnostic: initialState?.diagnostic })
      .catch((error: unknown) => console.error('[orbital] could not load the client', error));
    // Options are read once: the client lives as long as the provider.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orbital]);
  useEffect(() => () => orbital.destroy(), [orbital]);
  useEffect(
    () => (routerRefresh ? orbital.onChangedElsewhere(() => void routerRefresh()) : undefined),
    [orbital, routerRefresh],
  );
  return <OrbitalContext.Provider value={{ orbital, initialState }}>{children}</OrbitalContext.Provider>;
}
