import { base64UrlEncode } from './base64url';
import { HandshakeError, TokenVerificationError, isOrbitalError } from './errors';
import type { KeySet } from './verification-keys';
import { REDIRECT_URL_PARAM } from './account-urls';
import { signJwt } from './session-token';
import { NONCE_PARAM, stripTransientParams } from './transient-params';
import type { SigningKey } from './signature';
import { verifyJwt } from './verify-token';

/** The auth server's endpoint for top-level handshake redirects, relative to its URL. */
export const HANDSHAKE_PATH = '/v1/handshake';
/** A handshake payload lives just long enough for one redirect. */
export const HANDSHAKE_TTL = 30;

/** What the auth server tells an app about its client: the state to write into first-party cookies. */
export interface HandshakeState {
  /** The active session's token, minted for the app's origin; null when signed out. */
  sessionToken: string | null;
  /** Unix seconds of the client's last sign-in/out change; 0 when signed out. */
  clientUat: number;
}

/** A fresh nonce for one handshake or sync navigation. */
export function createNonce(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(16)));
}

/** The nonce an auth server accepts from a URL: 16–64 base64url characters, anything else is dropped. */
export function readNonce(url: URL): string | undefined {
  const nonce = url.searchParams.get(NONCE_PARAM);
  return nonce && /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? nonce : undefined;
}

/** Where an app sends the browser to refresh its cookies. */
export function buildHandshakeUrl(authServerUrl: string, returnTo: string | URL, nonce?: string): string {
  const url = new URL(`${authServerUrl}${HANDSHAKE_PATH}`);
  url.searchParams.set(REDIRECT_URL_PARAM, stripTransientParams(returnTo).href);
  if (nonce) url.searchParams.set(NONCE_PARAM, nonce);
  return url.href;
}

/**
 * Auth server side: the signed payload for one app origin and the nonce the app sent, valid for
 * {@link HANDSHAKE_TTL} seconds.
 */
export function createHandshakePayload(
  state: HandshakeState,
  context: { issuer: string; origin: string; now: number; nonce?: string | undefined },
  key: SigningKey,
): Promise<string> {
  return signJwt(
    {
      typ: 'handshake',
      iss: context.issuer,
      aud: context.origin,
      iat: context.now,
      nbf: context.now,
      exp: context.now + HANDSHAKE_TTL,
      jti: base64UrlEncode(crypto.getRandomValues(new Uint8Array(16))),
      session_token: state.sessionToken,
      client_uat: state.clientUat,
      ...(context.nonce && { nonce: context.nonce }),
    },
    key,
  );
}

/** Remembers payload ids until they expire, so that each payload is applied once. */
export interface ReplayGuard {
  /** True the first time `id` is seen, false for a replay. */
  claim(id: string, expiresAt: number): boolean | Promise<boolean>;
}

/** In-process replay guard: enough for one app-server instance. */
export function createMemoryReplayGuard(now: () => number = Date.now): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    claim(id, expiresAt) {
      const current = now() / 1000;
      if (seen.size > 1_000) for (const [key, exp] of seen) if (exp < current) seen.delete(key);
      if (seen.has(id)) return false;
      seen.set(id, expiresAt);
      return true;
    },
  };
}

export interface VerifyHandshakeOptions {
  keys: KeySet;
  issuer: string;
  /** The app origin the payload must be bound to. */
  origin: string;
  /** The nonce this browser's last handshake navigation carried (from the app's cookie). */
  nonce: string | undefined;
  replayGuard: ReplayGuard;
  clockSkew?: number | undefined;
  now?: (() => number) | undefined;
}

/** App side: checks a payload's signature, expiry, origin binding and single use. */
export async function verifyHandshakePayload(
  payload: string,
  options: VerifyHandshakeOptions,
): Promise<HandshakeState> {
  let claims;
  try {
    claims = await verifyJwt(payload, options);
  } catch (error) {
    if (isOrbitalError(error) && error.code === 'token_expired') {
      throw new HandshakeError(
        'handshake_expired',
        `The handshake payload has expired (${error.message}) — an old URL, or this server's clock is ahead of the auth server's.`,
        { cause: error },
      );
    }
    throw error;
  }
  if (
    claims.typ !== 'handshake' ||
    claims.iss !== options.issuer ||
    typeof claims.jti !== 'string' ||
    typeof claims.client_uat !== 'number'
  ) {
    throw new HandshakeError(
      'handshake_invalid',
      'The handshake payload is not one this auth server issued for an app.',
    );
  }
  if (claims.aud !== options.origin) {
    throw new HandshakeError(
      'handshake_origin_mismatch',
      `The handshake payload was issued for ${String(claims.aud)}, not for this app (${options.origin}). If the app sits behind a proxy, make sure the request URL it sees is its public one.`,
    );
  }
  if (!options.nonce || claims.nonce !== options.nonce) {
    throw new HandshakeError(
      'handshake_nonce_mismatch',
      'This handshake answer was not requested by this browser (a link from elsewhere, or the cookie that remembers the request was blocked): it was ignored.',
    );
  }
  if (!(await options.replayGuard.claim(claims.jti, claims.exp as number))) {
    throw new HandshakeError('handshake_replayed', 'The handshake payload was already used.');
  }
  const token = claims.session_token;
  if (token !== null && typeof token !== 'string')
    throw new TokenVerificationError('token_malformed', 'The handshake payload carries a malformed session token.');
  return { sessionToken: token, clientUat: claims.client_uat };
}
