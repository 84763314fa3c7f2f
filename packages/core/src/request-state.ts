import type { OrbitalErrorCode } from './errors';

/**
 * The request-authentication state machine, as a pure function. Inputs are facts read off the
 * request; the output names the state and why. `authenticateRequest` does the reading and writing.
 *
 * | session token | `__client_uat`        | document GET      | other requests |
 * | ------------- | --------------------- | ----------------- | -------------- |
 * | valid         | missing, or <= iat     | signed-in         | signed-in      |
 * | valid         | > iat (changed since)  | handshake         | signed-out     |
 * | valid         | 0 (signed out)         | signed-out        | signed-out     |
 * | expired/bad   | > 0                    | handshake         | signed-out     |
 * | missing       | > 0                    | handshake         | signed-out     |
 * | any other     | 0 or missing           | signed-out        | signed-out     |
 *
 * An app that syncs on first visit — a satellite with auto-sync, or an app on a subdomain of the
 * primary — and has never synced (no token, no `__client_uat` at all) asks the primary
 * (`first_visit_sync`); afterwards `__client_uat=0` remembers a signed-out answer.
 *
 * A handshake becomes `handshake_loop` once {@link MAX_HANDSHAKE_ATTEMPTS} redirects happened in a
 * short window: one guard, whatever the cause.
 */
export type TokenFact =
  { kind: 'missing' } | { kind: 'valid'; iat: number } | { kind: 'invalid'; code: OrbitalErrorCode };

export interface RequestFacts {
  token: TokenFact;
  /** `null` when the cookie is absent or not a number. */
  clientUat: number | null;
  /** A top-level GET/HEAD navigation that a redirect will not harm. */
  canRedirect: boolean;
  /** Handshake redirects counted by the loop-guard cookie. */
  handshakeAttempts: number;
  /** Sync on the first visit: a satellite with `satelliteAutoSync`, or a subdomain of the primary. */
  autoSync?: boolean;
}

export type SignedOutReason =
  | 'signed_out'
  | 'client_signed_out'
  | 'token_missing'
  | 'token_expired'
  | 'token_outdated'
  | 'token_invalid'
  | 'handshake_failed'
  | 'handshake_loop'
  | 'sync_failed'
  | 'sync_refused'
  | 'cookies_blocked';

export type HandshakeReason =
  'token_missing' | 'token_expired' | 'token_outdated' | 'token_invalid' | 'first_visit_sync';

export type Decision =
  | { status: 'signed-in' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'handshake'; reason: HandshakeReason };

export const MAX_HANDSHAKE_ATTEMPTS = 3;

export function decideRequestState(facts: RequestFacts): Decision {
  const { token, clientUat } = facts;
  if (token.kind === 'valid') {
    if (clientUat === 0) return { status: 'signed-out', reason: 'client_signed_out' };
    if (clientUat === null || clientUat <= token.iat) return { status: 'signed-in' };
    return needsHandshake('token_outdated', facts);
  }
  if (clientUat === null && token.kind === 'missing' && facts.autoSync)
    return needsHandshake('first_visit_sync', facts);
  if (!clientUat)
    return {
      status: 'signed-out',
      reason: token.kind === 'invalid' && token.code !== 'token_expired' ? 'token_invalid' : 'signed_out',
    };
  if (token.kind === 'missing') return needsHandshake('token_missing', facts);
  return needsHandshake(token.code === 'token_expired' ? 'token_expired' : 'token_invalid', facts);
}

function needsHandshake(reason: HandshakeReason, facts: RequestFacts): Decision {
  if (!facts.canRedirect)
    return { status: 'signed-out', reason: reason === 'first_visit_sync' ? 'signed_out' : reason };
  if (facts.handshakeAttempts >= MAX_HANDSHAKE_ATTEMPTS) return { status: 'signed-out', reason: 'handshake_loop' };
  return { status: 'handshake', reason };
}

/**
 * What the loop guard remembers about the last handshake: the error seen, `token_missing`, or
 * `sync_unanswered` for a satellite's first-visit sync.
 */
export type GuardCause = OrbitalErrorCode | 'token_missing' | 'sync_unanswered';

/**
 * What a user sees instead of a sign-in redirect when this satellite's own configuration is
 * refused by the auth server (its secret key): sending them to sign in again would only loop.
 */
export const SYNC_REFUSED_MESSAGE =
  'Signing in to this site could not be completed: its sign-in service refused the site’s configuration. Try again later; if it keeps happening, tell the site’s owner.';

/** What a developer is told when a page comes back from the auth server without the cookie it set before leaving. */
export const COOKIES_BLOCKED_MESSAGE =
  'This site did not keep its cookies in this browser: the cookie it set before sending the browser to the auth server did not come back (cookies blocked or cleared for this site, or the link came from elsewhere). Pages here show signed out; the primary stops issuing sync codes for this browser after two such visits.';

/** The likely cause behind a handshake that failed or keeps coming back, from the last error seen. */
export function describeHandshakeFailure(code: GuardCause | undefined): string {
  switch (code) {
    case 'sync_unanswered':
      return "the primary never sent the browser back — most likely it refuses this satellite's origin: add it to the auth server's trustedOrigins (ORBITAL_TRUSTED_ORIGINS); the primary's error page names it. Otherwise, cookies are blocked on this site.";
    case 'handshake_nonce_mismatch':
      return 'an answer this browser did not ask for — a link from elsewhere, or the cookie that remembers the request was blocked.';
    case 'token_signature_invalid':
    case 'token_kid_unknown':
    case 'token_issuer_invalid':
    case 'handshake_invalid':
      return 'keys do not match — the app verifies tokens with a key (ORBITAL_JWT_KEY / publishable key) from a different Orbital instance than the one that signs them.';
    case 'token_expired':
    case 'token_not_active_yet':
    case 'token_issued_in_future':
    case 'handshake_expired':
      return "clock skew — this server's clock and the auth server's differ by more than the allowed clock skew; sync them with NTP or raise clockSkew.";
    case 'token_azp_invalid':
    case 'handshake_origin_mismatch':
      return 'redirect origin not allowed — the origin this app is served on is not among its authorizedParties / allowedRedirectOrigins, or a proxy hides the public URL.';
    default:
      return 'cookies blocked — the session cookie set by the last handshake did not come back (cookies disabled, a Secure cookie on plain http, or a cookie domain that does not match this host).';
  }
}
