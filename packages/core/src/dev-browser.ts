/**
 * URL-based session syncing for development instances. When the auth server is another site than
 * the app (say `localhost` and `127.0.0.1`) and the browser blocks third-party cookies, a
 * development-browser token stands in for the cross-site client cookie: it is kept first-party on
 * the app, sent with API calls and carried in URLs on redirects between app and auth server.
 * Production instances refuse it and rely on first-party HttpOnly cookies only.
 */
import { DEV_BROWSER_PARAM } from './transient-params';

/** Adds the development-browser token to a URL (replacing any there). */
export function withDevBrowser(url: string | URL, token: string | null | undefined): string {
  const target = new URL(url);
  if (token) target.searchParams.set(DEV_BROWSER_PARAM, token);
  return target.href;
}

/**
 * An app on a subdomain of the primary (`app.example.com` under `example.com`) is the same site: it
 * shares the primary's session by default, learning it with one handshake on its first visit.
 */
export function isSubdomainOf(url: string | URL, authServerUrl: string | URL): boolean {
  const host = new URL(url).hostname;
  const primary = new URL(authServerUrl).hostname;
  return host !== primary && host.endsWith(`.${primary}`);
}

/** Whether two URLs are different sites for cookies (hosts differ; ports do not count). */
export function isCrossSite(a: string | URL, b: string | URL): boolean {
  return new URL(a).hostname !== new URL(b).hostname;
}
