import type { CookieNames, CookieScope } from './cookies';
import type { ReplayGuard } from './handshake';
import type { InstanceMode } from './api-keys';
import type { AuthenticateRequestOptions } from './authenticate-request';
import type { GuardCause } from './request-state';
import type { KeySet } from './verification-keys';
import type { Verdict } from './verdict';
import type { SessionClaims } from './verify-token';

/** The app's options, resolved once per options object: what every request's authentication reads. */
export interface Resolved {
  mode: InstanceMode;
  /** The configured origins, or null for "the request's own" (development without configuration). */
  origins: string[] | null;
  issuer: string;
  internalUrl: string;
  names: CookieNames;
  keys: KeySet;
  replayGuard: ReplayGuard;
}

/** One request on its way through authentication: what every step below reads. */
export interface Incoming {
  request: Request;
  /** The request's public URL. */
  url: URL;
  options: AuthenticateRequestOptions;
  ctx: Resolved;
  scope: CookieScope;
  verify: (token: string) => Promise<SessionClaims>;
  cookies: Record<string, string | undefined>;
  /** The request's own cookies decide, with no redirect: after an arrival that changed nothing. */
  cookiesDecide: () => Promise<Verdict>;
}

export /** The loop-guard cookie: `attempts.cause.nonce` of the handshakes this browser made in the last minute. */
function parseGuard(value: string | undefined): {
  attempts: number;
  cause: GuardCause | undefined;
  nonce: string | undefined;
} {
  const match = value ? /^(\d{1,3})\.([a-z_-]{1,40})(?:\.([A-Za-z0-9_-]{16,64}))?$/.exec(value) : null;
  return match
    ? { attempts: Number(match[1]), cause: match[2] as GuardCause, nonce: match[3] }
    : { attempts: 0, cause: undefined, nonce: undefined };
}
