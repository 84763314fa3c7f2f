import { parseCookie, parseSetCookie, stringifyCookie, stringifySetCookie } from 'cookie';
import type { InstanceMode } from './api-keys';
import { COOKIE_MAX_AGE_CAP } from './lifetime';

export interface CookieNames {
  /** Opaque client token on the auth server's site (HttpOnly). */
  client: string;
  /** The current session token (short-lived JWT), readable by the browser client. */
  session: string;
  /** Unix seconds of the client's last sign-in/out change; `0` when signed out. */
  clientUat: string;
  /** Counts handshake redirects in a short window: the redirect-loop guard. */
  handshakeCount: string;
  /** The development-browser token, first-party on the app (development instances only). */
  devBrowser: string;
}

/**
 * Cookie names for one Orbital instance. The suffix comes from the publishable key so that two
 * instances on one host (say two apps on `localhost`) keep separate cookies. Production cookies
 * that are not shared with subdomains (no `cookieDomain`) carry the `__Host-` prefix: the browser
 * then refuses any such cookie that is not Secure, host-only and on `/`, so a sibling subdomain
 * cannot plant one (session fixation). The loop-guard counter is never Secure, so never prefixed.
 */
export function cookieNames(publishableKey: string, options: { domain?: string | undefined } = {}): CookieNames {
  const suffix = instanceSuffix(publishableKey);
  const host = !options.domain && publishableKey.startsWith('pk_live_') ? '__Host-' : '';
  return {
    client: `${host}__client_${suffix}`,
    session: `${host}__session_${suffix}`,
    clientUat: `${host}__client_uat_${suffix}`,
    handshakeCount: `__orbital_handshake_${suffix}`,
    devBrowser: `__orbital_db_${suffix}`,
  };
}

/** 8 hex characters of FNV-1a over the key: stable, synchronous, and good enough to tell instances apart. */
export function instanceSuffix(publishableKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < publishableKey.length; i++) {
    hash ^= publishableKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Where cookies are written: decides `Secure` and whether to share with subdomains. */
export interface CookieScope {
  mode: InstanceMode;
  /** The URL of the request the cookie answers; `https:` makes cookies Secure even in development. */
  url: string | URL;
  /** Set only when the app asks to share cookies with its subdomains. */
  domain?: string | undefined;
}

/** Secure outside development; in development only when the page itself is https. */
export function isSecureScope(scope: CookieScope): boolean {
  if (scope.mode === 'production') return true;
  return new URL(scope.url).protocol === 'https:';
}

interface CookieSpec {
  name: string;
  value: string;
  maxAge?: number;
  httpOnly?: boolean;
}

function serialize(scope: CookieScope, spec: CookieSpec, secure = isSecureScope(scope)): string {
  return stringifySetCookie({
    name: spec.name,
    value: spec.value,
    path: '/',
    sameSite: 'lax',
    secure,
    httpOnly: spec.httpOnly ?? false,
    ...(spec.maxAge !== undefined && { maxAge: spec.maxAge }),
    ...(scope.domain && { domain: scope.domain }),
  });
}

/** The client cookie: HttpOnly, Max-Age = remaining session lifetime (already capped by the caller). */
export function clientCookie(names: CookieNames, scope: CookieScope, token: string, maxAge: number): string {
  return serialize(scope, { name: names.client, value: token, maxAge, httpOnly: true });
}

/** The session cookie: readable by the browser client, which refreshes it before the token expires. */
export function sessionCookie(names: CookieNames, scope: CookieScope, token: string): string {
  return serialize(scope, { name: names.session, value: token });
}

export function clientUatCookie(
  names: CookieNames,
  scope: CookieScope,
  uat: number,
  maxAge = COOKIE_MAX_AGE_CAP,
): string {
  return serialize(scope, { name: names.clientUat, value: String(uat), maxAge });
}

/**
 * The loop-guard counter. Never Secure: it must survive exactly the misconfigurations (a Secure
 * cookie on plain http) that cause loops, so that the guard can name them.
 */
export function handshakeCountCookie(names: CookieNames, scope: CookieScope, value: string | null): string {
  return serialize(scope, { name: names.handshakeCount, value: value ?? '', maxAge: value === null ? 0 : 60 }, false);
}

/** The auth server's own record of the automatic syncs it answered this browser session (HttpOnly, no Max-Age). */
export const AUTO_SYNC_COOKIE = '__orbital_auto_sync';

export function autoSyncCookie(scope: CookieScope, value: string): string {
  return serialize(scope, { name: AUTO_SYNC_COOKIE, value, httpOnly: true });
}

/** The development-browser token on the app's own site (readable by the browser client). */
export function devBrowserCookie(names: CookieNames, scope: CookieScope, token: string): string {
  return serialize(scope, { name: names.devBrowser, value: token, maxAge: 400 * 24 * 60 * 60 });
}

export function expiredCookie(name: string, scope: CookieScope, httpOnly = false): string {
  return serialize(scope, { name, value: '', maxAge: 0, httpOnly });
}

/** Parses a `Cookie` request header. Malformed pairs are skipped, never thrown. */
export function parseCookies(header: string | null | undefined): Record<string, string | undefined> {
  if (!header) return {};
  return parseCookie(header);
}

/**
 * The `Cookie` header the browser will send once it has applied `setCookies`: for frameworks that
 * make further requests on the user's behalf within one page render (Nuxt's `useFetch` during
 * SSR), so that they see the cookies a sync or handshake has just set, not the stale ones.
 */
export function cookieHeaderAfter(header: string | null | undefined, setCookies: readonly string[]): string {
  const cookies = parseCookies(header);
  for (const line of setCookies) {
    const cookie = parseSetCookie(line);
    const expired =
      cookie.maxAge !== undefined
        ? cookie.maxAge <= 0
        : cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
    if (expired) delete cookies[cookie.name];
    else cookies[cookie.name] = cookie.value;
  }
  return stringifyCookie(
    Object.fromEntries(Object.entries(cookies).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );
}
