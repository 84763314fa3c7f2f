import { signedInAuth, signedOutAuth, type SignedInAuth, type SignedOutAuth } from './auth-object';
import type { HandshakeReason, SignedOutReason } from './request-state';
import type { SessionClaims } from './verify-token';

interface StateBase {
  /** Cookies to set and, for a handshake, the redirect: apply them to the response. */
  headers: Headers;
  /** The page's public URL, from configuration (see `trustProxy`, `authorizedParties`), never a forged header. */
  url: string;
}

/** The outcome of authenticating a request on an app server. */
export type RequestState =
  | (StateBase & {
      status: 'signed-in';
      auth: SignedInAuth;
      reason: null;
      message: null;
      /** The verified session token. */ token: string;
    })
  | (StateBase & { status: 'signed-out'; auth: SignedOutAuth; reason: SignedOutReason; message: string | null })
  | (StateBase & {
      status: 'handshake';
      auth: SignedOutAuth;
      reason: HandshakeReason;
      message: null;
      redirectUrl: string;
    });

/** A state before the request's public URL is attached: what the authentication steps return. */
export type Verdict = RequestState extends infer S ? (S extends RequestState ? Omit<S, 'url'> : never) : never;

export function signedIn(claims: SessionClaims, token: string, headers: Headers): Verdict {
  return {
    status: 'signed-in',
    auth: signedInAuth(claims, token),
    reason: null,
    message: null,
    headers,
    token,
  };
}

export function signedOut(reason: SignedOutReason, headers: Headers, message: string | null): Verdict {
  return { status: 'signed-out', auth: signedOutAuth, reason, message, headers };
}

/**
 * Why a request was answered signed out when that was a failure someone should see (a handshake
 * or sync that failed, the loop guard, a token this app refuses): null for the ordinary states.
 */
export function diagnosticOf(state: RequestState): { reason: SignedOutReason; message: string } | null {
  if (state.status !== 'signed-out' || !state.message || state.reason === 'token_expired') return null;
  return { reason: state.reason, message: state.message };
}
