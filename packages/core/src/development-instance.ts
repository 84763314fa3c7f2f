import { createPublishableKey } from './api-keys';

/** Where an app that hosts its own auth server mounts it (the path every README shows). */
export const APP_AUTH_SERVER_PATH = '/api/auth';

const DEFAULT_PORT = 3000;

/** This machine: `localhost`, `127.x.x.x` or `[::1]` — where a development server answers its developer. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}

/**
 * Zero-configuration development: an app server running in development (`NODE_ENV=development`)
 * with no publishable key uses the development auth server it hosts at `/api/auth` on its own
 * origin — the first authorized party when one is set, else `http://localhost:$PORT` (the dev
 * server's port, 3000 by default). Read from configuration only: a request's `Host` never decides
 * which server issues the tokens this app accepts. Anywhere else, `undefined`: a key is required.
 */
export function developmentPublishableKey(
  env: Record<string, string | undefined>,
  authorizedParties: readonly string[] = [],
): string | undefined {
  if (env.NODE_ENV !== 'development') return undefined;
  return createPublishableKey(appAuthServerUrl(env, authorizedParties), 'development');
}

/** The auth server an app hosts: `/api/auth` on its first authorized party, else on `http://localhost:$PORT`. */
export function appAuthServerUrl(
  env: Record<string, string | undefined>,
  authorizedParties: readonly string[] = [],
): string {
  const port = /^\d{1,5}$/.test(env.PORT ?? '') ? Number(env.PORT) : DEFAULT_PORT;
  const origin = authorizedParties[0]?.replace(/\/+$/, '') ?? `http://localhost:${port}`;
  return `${origin}${APP_AUTH_SERVER_PATH}`;
}
