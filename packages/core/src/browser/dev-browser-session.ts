import { devBrowserCookie, parseCookies, type CookieNames, type CookieScope } from '../cookies';
import { isCrossSite, withDevBrowser } from '../dev-browser';
import type { InstanceMode } from '../api-keys';

/**
 * This browser's development-browser token, for a development app on another site than its auth
 * server (no cookie of the auth server's reaches it from here). Kept first-party in
 * `localStorage` (shared by tabs) and in a cookie (so the app's server can carry it into handshakes).
 */
export function createDevBrowserSession(names: CookieNames, scope: () => CookieScope) {
  let token: string | null = null;

  function keep(value: string): void {
    token = value;
    window.localStorage.setItem(names.devBrowser, value);
    document.cookie = devBrowserCookie(names, scope(), value);
  }

  return {
    /** Whether this app needs one: development, in a browser, with the auth server on another site. */
    needed(mode: InstanceMode, authServerUrl: string): boolean {
      return (
        mode === 'development' &&
        typeof window !== 'undefined' &&
        isCrossSite(new URL(authServerUrl, window.location.href), window.location.href)
      );
    },
    /** The token to present, as every tab sees it: a sign-in in one tab replaces it for all. */
    current(): string | null {
      return token && (window.localStorage.getItem(names.devBrowser) ?? token);
    },
    /**
     * The token from the URL on arrival, else the one kept here, else a new one (`create`);
     * `renew` drops the kept one (the auth server no longer knows it).
     */
    async start(arrived: string | null, create: () => Promise<string>, renew = false): Promise<void> {
      const kept = renew
        ? null
        : (arrived ?? window.localStorage.getItem(names.devBrowser) ?? parseCookies(document.cookie)[names.devBrowser]);
      keep(kept ?? (await create()));
    },
    keep,
    /** `url` carrying the token when it is on another site than this page; unchanged otherwise. */
    withToken(url: string): string {
      if (!token || typeof window === 'undefined') return url;
      const target = new URL(url, window.location.href);
      return isCrossSite(target, window.location.href) ? withDevBrowser(target, token) : url;
    },
  };
}

export type DevBrowserSession = ReturnType<typeof createDevBrowserSession>;
