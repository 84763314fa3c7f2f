import type { ReactNode } from 'react';
import { isOrbitalError, publicOptions, type OrbitalOptions } from '@orbital/core';
import { initialAuthState, type InitialAuthState } from '@orbital/core/browser';
import { OrbitalProvider as ClientProvider } from '@orbital/react';
import { auth, serverDiagnostic } from './server/auth';
import { nextOptions } from './server/options';
import { RouterRefresh } from './router-refresh.js';

type Props = Omit<Partial<OrbitalOptions>, 'secretKey' | 'jwtKey'> & {
  children?: ReactNode;
  /**
   * Read the request's auth while rendering, so that the first HTML already shows the signed-in
   * state (no flash of signed-out components). It makes every route under the provider dynamic;
   * with `cacheComponents`, put the provider inside `<Suspense>`. Off by default: the provider
   * reads no request data, pages stay static, and the browser loads the state.
   */
  dynamic?: boolean;
};

/**
 * The provider for the root layout (a server component): reads the configuration from env vars
 * and, with `dynamic`, the request's auth from `orbitalMiddleware`.
 */
export async function OrbitalProvider({ children, dynamic = false, ...props }: Props) {
  let initialState: InitialAuthState | undefined;
  if (dynamic) {
    try {
      initialState = initialAuthState(await auth(), await serverDiagnostic());
    } catch (error) {
      // A page outside the middleware's matcher: render without server state rather than fail.
      if (!isOrbitalError(error) || error.code !== 'middleware_missing') throw error;
    }
  }
  // After the request was read (when it is): configuration read at run time serves every request.
  const options = publicOptions(nextOptions(props));
  return (
    <ClientProvider {...options} initialState={initialState}>
      <RouterRefresh />
      {children}
    </ClientProvider>
  );
}
