import { parsePublishableKey } from './api-keys';

/** Anything with a Fetch handler, such as the server `createOrbitalServer` returns. */
export interface FetchHandler {
  handler: (request: Request) => Promise<Response>;
}

/**
 * The auth server (or a proxy to it) as one Fetch handler for an app's catch-all route. Accepts
 * the server, a promise of it, or a function that creates it on the first request — so a build
 * step that imports the route opens no database.
 */
export function mountAuthServer(
  server: FetchHandler | Promise<FetchHandler> | (() => FetchHandler | Promise<FetchHandler>),
): (request: Request) => Promise<Response> {
  let instance: Promise<FetchHandler> | undefined;
  return async (request) => {
    instance ??= Promise.resolve(typeof server === 'function' ? server() : server).catch((error: unknown) => {
      // A failed start (say, the database was not up yet) is retried by the next request.
      instance = undefined;
      throw error;
    });
    return (await instance).handler(request);
  };
}

/**
 * Whether a request is addressed to the auth server rather than to the app: it is under the
 * app's `proxyUrl` path, or under the auth server's own path when the app hosts it. App
 * middleware lets these through untouched (a handshake there would redirect the auth server's
 * own pages).
 */
export function isAuthServerRequest(
  request: Request | URL,
  options: { publishableKey: string; proxyUrl?: string | undefined },
): boolean {
  const url = request instanceof URL ? request : new URL(request.url);
  const { authServerUrl } = parsePublishableKey(options.publishableKey);
  const mounts = [options.proxyUrl, authServerUrl]
    .filter((mount): mount is string => Boolean(mount))
    .map((mount) => new URL(mount, url));
  return mounts.some((mount) => {
    if (mount.host !== url.host) return false;
    const prefix = mount.pathname.replace(/\/+$/, '');
    return prefix !== '' && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  });
}
