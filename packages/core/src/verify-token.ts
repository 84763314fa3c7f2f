import { TokenVerificationError } from './errors';
import { decodeJwt, type JwtPayload } from './jwt';
import type { KeySet } from './verification-keys';
import { isAllowedAlgorithm } from './signature';

/** Default tolerance for clocks that disagree between the auth server and app servers. */
export const DEFAULT_CLOCK_SKEW = 5;

export interface SessionClaims extends JwtPayload {
  sub: string;
  sid: string;
  iss: string;
  azp?: string;
  iat: number;
  nbf: number;
  exp: number;
}

export interface VerifyOptions {
  keys: KeySet;
  /** Seconds of disagreement tolerated on `exp`, `nbf` and `iat` (default 5). */
  clockSkew?: number | undefined;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: (() => number) | undefined;
}

export interface VerifySessionTokenOptions extends VerifyOptions {
  /** The auth server URL the token must come from (`iss`). */
  issuer: string;
  /** Origins allowed in `azp`; when given, a token minted for another origin, or for none, is refused. */
  authorizedParties?: readonly string[] | undefined;
}

/**
 * Checks a JWT's signature (allow-listed `alg`, known `kid`) and its time claims. Signatures
 * already verified by this key set are not verified again; the time claims always are.
 */
export async function verifyJwt(token: string, options: VerifyOptions): Promise<JwtPayload> {
  let payload = options.keys.cached(token);
  if (!payload) {
    const decoded = decodeJwt(token);
    if (!isAllowedAlgorithm(decoded.header.alg)) {
      throw new TokenVerificationError(
        'token_alg_not_allowed',
        `Tokens signed with "${decoded.header.alg}" are refused; Orbital accepts ${'RS256 and ES256'}.`,
      );
    }
    const key = await options.keys.get(decoded.header.kid);
    if (key.alg !== decoded.header.alg || !(await key.verify(decoded.signingInput, decoded.signature))) {
      throw new TokenVerificationError(
        'token_signature_invalid',
        'The token signature does not match the auth server key: the token was tampered with, or this app uses keys from another Orbital instance.',
      );
    }
    payload = decoded.payload;
    options.keys.remember(token, payload);
  }
  checkTimes(payload, (options.now ?? Date.now)() / 1000, options.clockSkew ?? DEFAULT_CLOCK_SKEW);
  return payload;
}

/** Verifies a session token for an app server: signature, times, issuer and authorized party. */
export async function verifySessionToken(token: string, options: VerifySessionTokenOptions): Promise<SessionClaims> {
  const claims = await verifyJwt(token, options);
  if (claims.iss !== options.issuer) {
    throw new TokenVerificationError(
      'token_issuer_invalid',
      `The token was issued by "${String(claims.iss)}", not by this app's auth server "${options.issuer}". Check the publishable key.`,
    );
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || claims.typ !== undefined) {
    throw new TokenVerificationError(
      'token_type_invalid',
      'The token is not an Orbital session token (it lacks sub/sid or is another kind of token).',
    );
  }
  if (
    options.authorizedParties &&
    (typeof claims.azp !== 'string' || !options.authorizedParties.includes(claims.azp))
  ) {
    const minted = typeof claims.azp === 'string' ? `for "${claims.azp}"` : 'with no authorized party (azp)';
    throw new TokenVerificationError(
      'token_azp_invalid',
      `The token was minted ${minted}, which is not among this app's origins (${options.authorizedParties.join(', ') || 'none'}): list every origin this app is served on in authorizedParties (ORBITAL_AUTHORIZED_PARTIES).`,
    );
  }
  return claims as SessionClaims;
}

function checkTimes(payload: JwtPayload, now: number, skew: number): void {
  const { exp, nbf, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') {
    throw new TokenVerificationError('token_malformed', 'The token lacks numeric "exp" and "iat" claims.');
  }
  if (now - skew >= exp) {
    throw new TokenVerificationError('token_expired', `The token expired ${Math.round(now - exp)} s ago.`);
  }
  if (typeof nbf === 'number' && now + skew < nbf) {
    throw new TokenVerificationError(
      'token_not_active_yet',
      `The token is not valid for another ${Math.round(nbf - now)} s: this server's clock is behind the auth server's by more than the ${skew} s allowed.`,
    );
  }
  if (now + skew < iat) {
    throw new TokenVerificationError(
      'token_issued_in_future',
      `The token was issued ${Math.round(iat - now)} s in the future: this server's clock is behind the auth server's by more than the ${skew} s allowed.`,
    );
  }
}
