import { ConfigurationError } from './errors';
import { parsePublishableKey } from './api-keys';

/** Where an app's public address comes from: its configuration, never a header by itself. */
export interface PublicUrlTrust {
  /**
   * Honour `X-Forwarded-Host` / `-Proto`: `true` for one proxy, or the number of proxies in front
   * of the app. Each proxy appends its value; the one `n` from the right is the outermost trusted
   * one's, and everything left of it came from the client.
   */
  trustProxy?: boolean | number | undefined;
  /** The app's configured origins; a request under another host is answered as the first one. */
  origins?: readonly string[] | null | undefined;
}

/**
 * The URL the browser asked for, as far as configuration lets us know it. Frameworks often build
 * `request.url` from the address they listen on, so the `Host` header names the host; behind a
 * proxy that is the proxy's view, which forwarded headers correct — but only when the app says a
 * proxy sets them. Otherwise anyone could claim another origin and have this app accept that origin's
 * tokens, apply its handshakes and redeem its sync codes. A host outside the configured origins
 * (a forged `Host`, a proxy that hides it) is replaced by the first configured origin.
 */
export function publicUrl(request: Request, trust: PublicUrlTrust = {}): URL {
  const requested = new URL(request.url);
  let protocol = requested.protocol;
  let host = requested.host;
  const hostHeader = request.headers.get('host');
  if (hostHeader && isHost(hostHeader)) host = hostHeader;
  const hops = trust.trustProxy === true ? 1 : trust.trustProxy || 0;
  if (hops > 0) {
    const forwardedHost = forwardedValue(request.headers.get('x-forwarded-host'), hops);
    const proto = forwardedValue(request.headers.get('x-forwarded-proto'), hops);
    if (forwardedHost && isHost(forwardedHost)) host = forwardedHost;
    if (proto === 'http' || proto === 'https') protocol = `${proto}:`;
  }
  const path = requested.pathname + requested.search + requested.hash;
  const url = new URL(path, `${protocol}//${host}`);
  const origins = trust.origins;
  return origins?.length && !origins.includes(url.origin) ? new URL(path, origins[0]) : url;
}

/** A `Host` value: a host and optional port, nothing else (no path, userinfo or second host smuggled in). */
export function isHost(value: string): boolean {
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(value);
}

/** The value the `hops`-th proxy from the right appended (or the leftmost, if fewer did). */
function forwardedValue(header: string | null, hops: number): string | undefined {
  const values = header?.split(',').map((v) => v.trim()) ?? [];
  return values[Math.max(0, values.length - hops)] || undefined;
}

/**
 * The origins an app server accepts tokens for and answers as: `authorizedParties` when given;
 * in development, null (the request's own origin, for zero-configuration local work); in
 * production, the auth server's origin — right for an app that hosts its own auth server, and a
 * clear `token_azp_invalid` naming the option for any other.
 */
export function appOrigins(options: {
  publishableKey: string;
  authorizedParties?: readonly string[] | undefined;
  isSatellite?: boolean | undefined;
}): string[] | null {
  if (options.authorizedParties?.length) return options.authorizedParties.map((party) => new URL(party).origin);
  const { mode, authServerUrl } = parsePublishableKey(options.publishableKey);
  if (mode === 'development') return null;
  if (options.isSatellite) {
    throw new ConfigurationError(
      'configuration_invalid',
      "A production satellite must say which origin it is served on: set ORBITAL_AUTHORIZED_PARTIES (authorizedParties) to this app's origin, e.g. https://satellite.example.com.",
    );
  }
  return [new URL(authServerUrl).origin];
}
