import type { ReactNode } from 'react';
import { isOrbitalError, publicOptions, type OrbitalOptions } from '@orbital/core';
import { initialAuthState, type InitialAuthState } from '@orbital/core/browser';
import { OrbitalProvider as ClientProvider } from '@orbital/react';
import { auth, serverDiagnostic } from './server/auth';
import { nextOptions } from './server/options';
import { RouterRefresh } from './router-refresh.js';

type Props = Omit<Partial<OrbitalOptions>, 'secretKey' | 'jwtKey'> & { children?: ReactNode };

/**
 * The provider for the root layout (a server component): reads the configuration from env vars
 * and the request's auth from `orbitalMiddleware`, so the first render already shows the right
 * state.
 */
export async function OrbitalProvider({ children, ...props }: Props) {
  const options = publicOptions(nextOptions(props));
  let initialState: InitialAuthState | undefined;
  try {
    initialState = initialAuthState(await auth(), await serverDiagnostic());
  } catch (error) {
    // A page outside the middleware's matcher: render without server state rather than fail.
    if (!isOrbitalError(error) || error.code !== 'middleware_missing') throw error;
  }
  return (
    <ClientProvider {...options} initialState={initialState}>
      <RouterRefresh />
      {children}
    </ClientProvider>
  );
}
