import type { ReactNode } from 'react';
import { isOrbitalError, type OrbitalOptions } from '@orbital/core';
import { OrbitalProvider as ClientProvider, type InitialAuthState } from '@orbital/react';
import { auth } from './server/auth';
import { nextOptions } from './server/options';

type Props = Omit<Partial<OrbitalOptions>, 'secretKey' | 'jwtKey'> & { children?: ReactNode };

/**
 * The provider for the root layout (a server component): reads the configuration from env vars
 * and the request's auth from `orbitalMiddleware`, so the first render already shows the right
 * state.
 */
export async function OrbitalProvider({ children, ...props }: Props) {
  // Only what a browser may know goes to the client.
  const { secretKey: _secret, jwtKey: _jwt, authorizedParties: _parties, clockSkew: _skew, authServerInternalUrl: _internal, ...options } = nextOptions(props);
  let initialState: InitialAuthState | undefined;
  try {
    const { userId, sessionId, orgId, orgSlug, orgRole } = await auth();
    initialState = { userId, sessionId, orgId, orgSlug, orgRole };
  } catch (error) {
    // A page outside the middleware's matcher: render without server state rather than fail.
    if (!isOrbitalError(error) || error.code !== 'middleware_missing') throw error;
  }
  return (
    <ClientProvider {...options} initialState={initialState}>
      {children}
    </ClientProvider>
  );
}
