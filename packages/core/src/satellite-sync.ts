import { REDIRECT_URL_PARAM, hostedPageUrls, withRedirectUrl } from './account-urls';
import { isCrossSite, isSubdomainOf } from './dev-browser';
import { ApiError, type OrbitalErrorCode } from './errors';
import { parsePublishableKey } from './api-keys';
import type { OrbitalOptions } from './options';
import { safeRedirectUrl, type AllowedRedirectOrigin } from './redirect-url';
import { NONCE_PARAM, stripTransientParams } from './transient-params';

/** The auth server's sync endpoint (top-level GET on the primary), relative to its URL. */
export const SYNC_PATH = '/v1/sync';
/** Sync codes live just long enough for one redirect. */
export const SYNC_CODE_TTL = 60;

export interface SyncUrlOptions {
  /** Satellite auto-sync: answer "signed out" instead of showing the sign-in page. */
  auto?: boolean;
  /** Which primary page a signed-out user gets: sign-in (default) or sign-up. */
  flow?: 'sign-in' | 'sign-up';
  /** The app's nonce for this navigation; a signed-out answer is signed with it. */
  nonce?: string | undefined;
}

/**
 * The URL that syncs a satellite page with the primary: signed in there, it comes straight back
 * with a sync code; otherwise through the primary's sign-in (or sign-up) page first.
 */
export function buildSyncUrl(authServerUrl: string, returnTo: string | URL, options: SyncUrlOptions = {}): string {
  const url = new URL(`${authServerUrl}${SYNC_PATH}`);
  url.searchParams.set(REDIRECT_URL_PARAM, stripTransientParams(returnTo).href);
  if (options.auto) url.searchParams.set('auto', '1');
  if (options.flow === 'sign-up') url.searchParams.set('flow', 'sign-up');
  if (options.nonce) url.searchParams.set(NONCE_PARAM, options.nonce);
  return url.href;
}

/**
 * Where to go after signing in or up: the validated `redirect_url` — directly when it shares the
 * cookies the sign-in just set (the same host, or a subdomain of it), else through the sync
 * endpoint, so that another site (a satellite) arrives signed in rather than half-way. Null when
 * there is no acceptable target. The one rule of the browser client and the hosted pages.
 */
export function afterAuthUrl(
  raw: unknown,
  where: {
    base: string;
    allowedOrigins?: readonly AllowedRedirectOrigin[] | undefined;
    cookieOrigin: string;
    authServerUrl: string;
  },
): string | null {
  const target = safeRedirectUrl(raw, { base: where.base, allowedOrigins: where.allowedOrigins });
  if (!target) return null;
  const sharesCookies = !isCrossSite(target, where.cookieOrigin) || isSubdomainOf(target, where.cookieOrigin);
  return sharesCookies ? target.href : buildSyncUrl(where.authServerUrl, target);
}

/** What redeeming a sync code gives the satellite's server: its own first-party client state. */
export interface SyncRedemption {
  /** A new token for the same client, for the satellite's own client cookie. */
  clientToken: string;
  clientMaxAge: number;
  /** The active session's token minted for the satellite origin, or null when none is active. */
  sessionToken: string | null;
  clientUat: number;
}

/** Server to server: trades a sync code for the satellite's client state, with the secret key. */
export async function redeemSyncCode(params: {
  code: string;
  origin: string;
  authServerUrl: string;
  secretKey: string;
}): Promise<SyncRedemption> {
  let response: Response;
  try {
    response = await fetch(`${params.authServerUrl}/v1/backend/sync-codes/redeem`, {
      method: 'POST',
      headers: { authorization: `Bearer ${params.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: params.code, origin: params.origin }),
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'sync_failed',
      `The satellite could not reach the auth server at ${params.authServerUrl} to redeem a sync code: set ORBITAL_AUTH_SERVER_INTERNAL_URL to an address this server can reach.`,
      { cause },
    );
  }
  const data = (await response.json().catch(() => null)) as
    (SyncRedemption & { error?: { code: OrbitalErrorCode; message: string } }) | null;
  if (!response.ok || !data)
    throw new ApiError(
      response.status,
      data?.error?.code ?? 'sync_failed',
      data?.error?.message ?? `Sync-code redemption failed with HTTP ${response.status}.`,
    );
  return data;
}

/**
 * Where "sign in, then come back to `returnTo`" goes: the sign-in page with `redirect_url` on a
 * primary, the primary's sync endpoint on a satellite (which shows a form only when needed).
 */
export function signInRedirectUrl(
  options: Pick<OrbitalOptions, 'publishableKey' | 'signInUrl' | 'isSatellite'>,
  returnTo: string,
): string {
  const { authServerUrl } = parsePublishableKey(options.publishableKey);
  const back = stripTransientParams(returnTo).href;
  if (options.isSatellite) return buildSyncUrl(authServerUrl, back);
  return withRedirectUrl(new URL(options.signInUrl ?? hostedPageUrls(authServerUrl).signInUrl, back).href, back);
}
