import { isCrossSite, isSubdomainOf, withDevBrowser } from './dev-browser';
import { cookieNames, devBrowserCookie, expiredCookie, handshakeCountCookie, parseCookies } from './cookies';
import { buildSyncUrl } from './satellite-sync';
import { DEV_BROWSER_PARAM, HANDSHAKE_PARAM, SYNC_PARAM } from './transient-params';
import { TokenVerificationError, isOrbitalError, type OrbitalErrorCode } from './errors';
import type { RevokedSessions } from './revoked-sessions';
import { buildHandshakeUrl, createMemoryReplayGuard, createNonce, type ReplayGuard } from './handshake';
import { keySetFor, type KeySet, type KeySource } from './verification-keys';
import { parsePublishableKey } from './api-keys';
import { validateOptions, type OrbitalOptions } from './options';
import { appOrigins, publicUrl } from './public-url';
import { MAX_HANDSHAKE_ATTEMPTS, decideRequestState, describeHandshakeFailure } from './request-state';
import { verifySessionToken, type SessionClaims } from './verify-token';
import { signedInAuth, signedOutAuth, type Auth } from './auth-object';
import { signedIn, signedOut, type RequestState, type Verdict } from './verdict';
import { parseGuard, type Incoming, type Resolved } from './incoming';
import { applyHandshake, applySync } from './arrivals';

export type { Auth, SignedInAuth, SignedOutAuth } from './auth-object';
export { signedInAuth, signedOutAuth } from './auth-object';
export type { RequestState } from './verdict';
export { diagnosticOf } from './verdict';

export interface AuthenticateRequestOptions extends KeySource {
  /** `pk_test_…` / `pk_live_…`: names the auth server and the instance mode. */
  publishableKey: string;
  /**
   * The origins this app is served on: tokens must be minted for one of them (`azp`). Defaults to
   * the request's own origin in development and to the auth server's origin in production.
   */
  authorizedParties?: readonly string[] | undefined;
  /** Honour `X-Forwarded-Host` / `-Proto`: `true` for one proxy in front of the app, or their number. */
  trustProxy?: boolean | number | undefined;
  /** Seconds of clock disagreement tolerated with the auth server (default 5). */
  clockSkew?: number | undefined;
  /** Share the session cookies with subdomains of this domain (sets the cookie `Domain`). */
  cookieDomain?: string | undefined;
  /** A key set you manage yourself (shared between options objects); overrides the key sources. */
  keySet?: KeySet | undefined;
  /** Where used handshake payload ids are remembered; in-process by default. */
  replayGuard?: ReplayGuard | undefined;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: (() => number) | undefined;
  /** This app is a satellite: it syncs with the primary and reaches the auth server through `proxyUrl`. */
  isSatellite?: boolean | undefined;
  /** Satellites: sync on the first document request with no auth cookies (default false). */
  satelliteAutoSync?: boolean | undefined;
  /** The path (or URL) on this app that forwards to the auth server; satellites handshake through it. */
  proxyUrl?: string | undefined;
  /** Redeems sync codes server to server. */
  secretKey?: string | undefined;
  /** Where this server reaches the auth server directly (JWKS, sync codes). */
  authServerInternalUrl?: string | undefined;
  /** Sessions ended on the auth server, refused at once instead of when their tokens expire (off by default). */
  revokedSessions?: RevokedSessions | undefined;
}

/** The request-authentication part of the one options type: what every adapter passes to core. */
export function toAuthenticateOptions(options: OrbitalOptions): AuthenticateRequestOptions {
  return {
    publishableKey: options.publishableKey,
    jwtKey: options.jwtKey,
    authorizedParties: options.authorizedParties,
    trustProxy: options.trustProxy,
    replayGuard: options.replayGuard,
    clockSkew: options.clockSkew,
    isSatellite: options.isSatellite,
    satelliteAutoSync: options.satelliteAutoSync,
    proxyUrl: options.proxyUrl,
    secretKey: options.secretKey,
    authServerInternalUrl: options.authServerInternalUrl,
    cookieDomain: options.cookieDomain,
    revokedSessions: options.revokedSessions,
  };
}

const resolvedOptions = new WeakMap<AuthenticateRequestOptions, Resolved>();

function resolve(options: AuthenticateRequestOptions): Resolved {
  let resolved = resolvedOptions.get(options);
  if (!resolved) {
    const { mode, authServerUrl } = parsePublishableKey(options.publishableKey);
    validateOptions(options as OrbitalOptions);
    const internalUrl = options.authServerInternalUrl?.replace(/\/+$/, '') ?? authServerUrl;
    resolved = {
      mode,
      origins: appOrigins(options),
      issuer: authServerUrl,
      internalUrl,
      names: cookieNames(options.publishableKey, { domain: options.cookieDomain }),
      keys:
        options.keySet ??
        keySetFor({
          jwtKey: options.jwtKey,
          jwks: options.jwks,
          jwksUrl: options.jwksUrl ?? `${internalUrl}/.well-known/jwks.json`,
        }),
      replayGuard: options.replayGuard ?? createMemoryReplayGuard(options.now),
    };
    resolvedOptions.set(options, resolved);
  }
  return resolved;
}

/**
 * Authenticates a request on an app server, with no call to the auth server: signed-in (a valid
 * session token), signed-out (with a reason), or handshake (a redirect that refreshes the app's
 * cookies; only for document GETs). Apply `headers` to the response in every case.
 *
 * @example
 * const state = await authenticateRequest(request, { publishableKey, jwtKey });
 * if (state.status === 'handshake') return new Response(null, { status: 307, headers: state.headers });
 */
export async function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions,
): Promise<RequestState> {
  const ctx = resolve(options);
  const headers = new Headers();
  const cookies = parseCookies(request.headers.get('cookie'));
  const url = publicUrl(request, { trustProxy: options.trustProxy, origins: ctx.origins });
  const verify = (token: string) => verifyRequestToken(ctx, options, token, url.origin);
  const done = (state: Verdict): RequestState => ({ ...state, url: url.href }) as RequestState;

  const authorization = request.headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) {
    const fact = await checkToken(verify, authorization.slice(7).trim());
    return done(
      fact.kind === 'valid'
        ? signedIn(fact.claims, fact.token, headers)
        : signedOut(
            fact.kind === 'invalid' && fact.code === 'token_expired' ? 'token_expired' : 'token_invalid',
            headers,
            fact.kind === 'invalid' ? fact.message : null,
          ),
    );
  }

  const incoming: Incoming = {
    request,
    url,
    options,
    ctx,
    scope: { mode: ctx.mode, url, domain: options.cookieDomain },
    verify,
    cookies,
    cookiesDecide: () => fromCookies(incoming, new Headers(), false),
  };
  if (url.searchParams.has(HANDSHAKE_PARAM)) {
    const applied = await applyHandshake(incoming, headers);
    if (applied) return done(applied);
  }
  if (url.searchParams.has(SYNC_PARAM)) return done(await applySync(incoming));
  const arrived = ctx.mode === 'development' ? url.searchParams.get(DEV_BROWSER_PARAM) : null;
  if (arrived) {
    // Back from the auth server's site in development: keep its development-browser token here.
    headers.append('set-cookie', devBrowserCookie(ctx.names, incoming.scope, arrived));
    cookies[ctx.names.devBrowser] = arrived;
  }
  return done(await fromCookies(incoming, headers, isDocumentRequest(request)));
}

/**
 * The auth object for a session token, with every check `authenticateRequest` makes (issuer,
 * authorized parties, revocations, clock): for frameworks that hand the middleware's token on to
 * the code that renders the page.
 */
export async function authFromToken(
  token: string | null | undefined,
  options: AuthenticateRequestOptions,
  origin?: string,
): Promise<Auth> {
  if (!token) return signedOutAuth;
  const ctx = resolve(options);
  const fact = await checkToken((t) => verifyRequestToken(ctx, options, t, origin), token);
  return fact.kind === 'valid' ? signedInAuth(fact.claims, fact.token) : signedOutAuth;
}

async function verifyRequestToken(
  ctx: Resolved,
  options: AuthenticateRequestOptions,
  token: string,
  origin: string | undefined,
): Promise<SessionClaims> {
  const authorizedParties = ctx.origins ?? (origin ? [origin] : []);
  const claims = await verifySessionToken(token, {
    keys: ctx.keys,
    issuer: ctx.issuer,
    authorizedParties,
    clockSkew: options.clockSkew,
    now: options.now,
  });
  if (options.revokedSessions?.has(claims.sid))
    throw new TokenVerificationError('session_revoked', `Session ${claims.sid} was ended on the auth server.`);
  return claims;
}

/** The state machine over the request's own cookies. */
async function fromCookies(incoming: Incoming, headers: Headers, canRedirect: boolean): Promise<Verdict> {
  const { url, options, ctx, scope, cookies } = incoming;
  const fact = await checkToken(incoming.verify, cookies[ctx.names.session]);
  const guard = parseGuard(cookies[ctx.names.handshakeCount]);
  const decision = decideRequestState({
    token: fact.kind === 'valid' ? { kind: 'valid', iat: fact.claims.iat } : fact,
    clientUat: parseUat(cookies[ctx.names.clientUat]),
    canRedirect,
    handshakeAttempts: guard.attempts,
    autoSync: options.isSatellite ? Boolean(options.satelliteAutoSync) : isSubdomainOf(url.href, ctx.issuer),
  });

  switch (decision.status) {
    case 'signed-in':
      if (guard.attempts > 0) headers.append('set-cookie', handshakeCountCookie(ctx.names, scope, null));
      return signedIn((fact as ValidToken).claims, (fact as ValidToken).token, headers);
    case 'handshake': {
      // What the guard blames if this keeps coming back: a sync the primary never answered is
      // most likely an origin it refuses, not blocked cookies.
      const cause =
        fact.kind === 'invalid'
          ? fact.code
          : decision.reason === 'first_visit_sync'
            ? 'sync_unanswered'
            : 'token_missing';
      // Satellites sync through the primary's sync endpoint; a subdomain (same site) simply handshakes.
      // The answer must come back to this browser: the nonce rides in the guard cookie and the URL.
      const nonce = createNonce();
      const target =
        decision.reason === 'first_visit_sync' && options.isSatellite
          ? buildSyncUrl(ctx.issuer, url, { auto: true, nonce })
          : buildHandshakeUrl(handshakeBase(url, options, ctx), url, nonce);
      // In development the auth server may be another site that knows this browser only by its token.
      const devToken = ctx.mode === 'development' ? cookies[ctx.names.devBrowser] : undefined;
      const redirectUrl = devToken && isCrossSite(target, url.href) ? withDevBrowser(target, devToken) : target;
      headers.set('location', redirectUrl);
      headers.set('cache-control', 'no-store');
      headers.append('set-cookie', handshakeCountCookie(ctx.names, scope, `${guard.attempts + 1}.${cause}.${nonce}`));
      return { status: 'handshake', auth: signedOutAuth, reason: decision.reason, message: null, headers, redirectUrl };
    }
    case 'signed-out':
      if (decision.reason === 'client_signed_out')
        headers.append('set-cookie', expiredCookie(ctx.names.session, scope));
      if (decision.reason === 'handshake_loop') {
        const cause = fact.kind === 'invalid' ? fact.code : guard.cause;
        return signedOut(
          'handshake_loop',
          headers,
          `Orbital stopped a redirect loop after ${MAX_HANDSHAKE_ATTEMPTS} handshakes in a minute. Likely cause: ${describeHandshakeFailure(cause)}`,
        );
      }
      return signedOut(decision.reason, headers, fact.kind === 'invalid' ? fact.message : null);
  }
}

/** Satellites handshake first-party, through their proxy; everyone else at the auth server itself. */
function handshakeBase(url: URL, options: AuthenticateRequestOptions, ctx: Resolved): string {
  if (!options.isSatellite || !options.proxyUrl) return ctx.issuer;
  return new URL(options.proxyUrl, url).href.replace(/\/+$/, '');
}

type ValidToken = { kind: 'valid'; claims: SessionClaims; token: string };
type CheckedToken = ValidToken | { kind: 'missing' } | { kind: 'invalid'; code: OrbitalErrorCode; message: string };

async function checkToken(
  verify: (token: string) => Promise<SessionClaims>,
  token: string | undefined,
): Promise<CheckedToken> {
  if (!token) return { kind: 'missing' };
  try {
    return { kind: 'valid', claims: await verify(token), token };
  } catch (error) {
    if (!isOrbitalError(error)) throw error;
    return { kind: 'invalid', code: error.code, message: error.message };
  }
}

/**
 * Only top-level navigations may be redirected: `Sec-Fetch-Dest: document|iframe`, or an HTML
 * `Accept` from clients that send no fetch metadata. Never a POST, whose body a redirect would lose.
 */
export function isDocumentRequest(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const dest = request.headers.get('sec-fetch-dest');
  if (dest) return dest === 'document' || dest === 'iframe';
  return request.headers.get('accept')?.includes('text/html') ?? false;
}

function parseUat(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return null;
  return Number(value);
}
