import { isLoopbackHost, parsePublishableKey, type OrbitalOptions } from '@orbital/core';
import { createAuthServerProxy, type FetchHandler } from '@orbital/core/server';
import { dataDirFromEnv, developmentSecretKey, developmentSecretKeyFile } from './development-instance';
import { serverOptionsFromEnv } from './env';
import type { OrbitalServerOptions } from '../options';
import { createOrbitalServer } from '../server';
import { createPgliteStore } from '../store/pglite';
import type { Store } from '../store/types';

export interface AppAuthRouteOptions extends Omit<OrbitalServerOptions, 'url' | 'store'> {
  /**
   * Opens the auth server's database: called only where the server runs, never on a satellite.
   * Default: the embedded database in `ORBITAL_DATA_DIR` (`.orbital/data`).
   */
  store?: (() => Store | Promise<Store>) | undefined;
  /** Forward to the auth server the publishable key names instead of running one (default: on a satellite). */
  proxy?: boolean | undefined;
  /** Where the auth-server settings come from (`serverOptionsFromEnv`); explicit options win. Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /** Where start-up notes go (default `console.info`). */
  log?: ((message: string) => void) | undefined;
}

/**
 * What answers at an app's auth route (`/api/auth`), from the app's own Orbital options. On the
 * primary, the auth server itself: at the URL the publishable key names, in the key's mode,
 * configured by the same `ORBITAL_*` variables as the CLI, redeeming satellite sync codes with the
 * app's secret key, and sending people to the app's sign-in and sign-up pages. On a satellite, a
 * proxy to the primary's, so that the browser reaches it first-party.
 *
 * In development nothing is required: the embedded database and a secret key are created under
 * `.orbital/` and kept there, and the terminal says so and how to move to explicit keys.
 *
 * @example export const { GET, POST, PATCH, DELETE, OPTIONS } = createRouteHandlers(() => createAppAuthRoute(nextOptions()));
 */
export async function createAppAuthRoute(
  app: OrbitalOptions,
  { store, proxy = app.isSatellite, env = process.env, log = console.info, ...explicit }: AppAuthRouteOptions = {},
): Promise<FetchHandler & { close?: () => Promise<void> }> {
  const { authServerUrl, mode } = parsePublishableKey(app.publishableKey);
  if (proxy) {
    const proxyPath = new URL(app.proxyUrl ?? authServerUrl, authServerUrl).pathname;
    return { handler: createAuthServerProxy({ proxyPath, target: app.authServerInternalUrl ?? authServerUrl }) };
  }
  const settings = { ...serverOptionsFromEnv(env), ...explicit };
  const dataDir = dataDirFromEnv(env);
  const secretKey =
    app.secretKey ?? settings.secretKey ?? (mode === 'development' ? developmentSecretKey(dataDir) : undefined);
  const page = (url: string | undefined) => url && new URL(url, authServerUrl).href;
  const server = createOrbitalServer({
    ...settings,
    mode,
    ...(secretKey && { secretKey }),
    ...(app.signInUrl && { signInUrl: page(app.signInUrl) }),
    ...(app.signUpUrl && { signUpUrl: page(app.signUpUrl) }),
    url: authServerUrl,
    store: store ? await store() : await createPgliteStore(dataDir),
  });
  if (mode !== 'development') return server;
  log(
    [
      `[orbital] Development auth server at ${authServerUrl}`,
      store ? '' : `  database:   ${dataDir} (embedded PGlite)`,
      app.secretKey || settings.secretKey ? '' : `  secret key: ${developmentSecretKeyFile(dataDir)}`,
      `  Sign up at the app’s sign-up page or ${authServerUrl}/sign-up.`,
      '  For explicit keys (a standalone server, production): `npx orbital-server env` prints the lines to paste.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { ...server, handler: warnOnOtherOrigin(server.handler, authServerUrl, log) };
}

/**
 * Development: an app answering on another local port than its auth server's (the dev server on
 * 5173 while the key names :3000) would send people to a server that is not there. Said once, with
 * the fix; a log line only, so a forged Host changes nothing.
 */
function warnOnOtherOrigin(
  handler: FetchHandler['handler'],
  authServerUrl: string,
  log: (message: string) => void,
): FetchHandler['handler'] {
  const expected = new URL(authServerUrl);
  let warned = false;
  return (request) => {
    const { origin, hostname, port } = new URL(request.url);
    if (!warned && isLoopbackHost(hostname) && isLoopbackHost(expected.hostname) && port !== expected.port) {
      warned = true;
      log(
        `[orbital] This app answered at ${origin}, but its development auth server is ${authServerUrl}: set PORT to the dev server's port, or ORBITAL_AUTHORIZED_PARTIES=${origin} (or the publishable key).`,
      );
    }
    return handler(request);
  };
}
