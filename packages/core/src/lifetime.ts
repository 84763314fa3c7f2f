import { ConfigurationError } from './errors';

/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis); no setting may outlive that. */
export const COOKIE_MAX_AGE_CAP = 400 * 24 * 60 * 60;
const SEVEN_DAYS = 7 * 24 * 60 * 60;

/** Lifetimes in seconds; `false` turns one off (never both). */
export interface LifetimeOptions {
  inactivityTimeout?: number | false;
  maximumLifetime?: number | false;
}

export interface LifetimePolicy {
  inactivityTimeout: number | null;
  maximumLifetime: number | null;
}

/** The timestamps (unix seconds) that decide whether a session is still alive. */
export interface SessionTimes {
  createdAt: number;
  lastActiveAt: number;
}

export type LifetimeStatus = 'active' | 'expired' | 'abandoned';

export function resolveLifetime(options: LifetimeOptions = {}): LifetimePolicy {
  const inactivityTimeout = seconds(options.inactivityTimeout, 'inactivityTimeout');
  const maximumLifetime = seconds(options.maximumLifetime, 'maximumLifetime');
  if (inactivityTimeout === null && maximumLifetime === null) {
    throw new ConfigurationError(
      'lifetime_invalid',
      'inactivityTimeout and maximumLifetime cannot both be off: keep at least one so sessions end.',
    );
  }
  return { inactivityTimeout, maximumLifetime };
}

/** When the session ends if nothing else happens: the earlier of the two limits. */
export function sessionExpiresAt(session: SessionTimes, policy: LifetimePolicy): number {
  const byInactivity = policy.inactivityTimeout === null ? Infinity : session.lastActiveAt + policy.inactivityTimeout;
  const byMaximum = policy.maximumLifetime === null ? Infinity : session.createdAt + policy.maximumLifetime;
  return Math.min(byInactivity, byMaximum);
}

/** Which limit, if any, has ended the session at `now`. Maximum lifetime wins a tie: it is the harder limit. */
export function lifetimeStatus(session: SessionTimes, policy: LifetimePolicy, now: number): LifetimeStatus {
  if (policy.maximumLifetime !== null && now >= session.createdAt + policy.maximumLifetime) return 'expired';
  if (policy.inactivityTimeout !== null && now >= session.lastActiveAt + policy.inactivityTimeout) return 'abandoned';
  return 'active';
}

/**
 * When a client cookie may go: at the longest session's maximum lifetime. Inactivity is the auth
 * server's to enforce, so nothing but sign-in, switch and sign-out needs to rewrite the cookie.
 */
export function clientCookieExpiresAt(sessions: readonly SessionTimes[], policy: LifetimePolicy): number {
  return Math.max(0, ...sessions.map((session) => sessionExpiresAt(session, { ...policy, inactivityTimeout: null })));
}

/** Max-Age for the client cookie: the remaining lifetime, never negative, never past the browser cap. */
export function cookieMaxAge(expiresAt: number, now: number): number {
  return Math.max(0, Math.min(Math.ceil(expiresAt - now), COOKIE_MAX_AGE_CAP));
}

function seconds(value: number | false | undefined, name: string): number | null {
  if (value === false) return null;
  if (value === undefined) return SEVEN_DAYS;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(
      'lifetime_invalid',
      `${name} must be a positive number of seconds or false, got ${String(value)}.`,
    );
  }
  if (value > COOKIE_MAX_AGE_CAP) {
    throw new ConfigurationError(
      'lifetime_invalid',
      `${name} is ${value} s, longer than the 400 days browsers keep a cookie; use at most ${COOKIE_MAX_AGE_CAP}.`,
    );
  }
  return value;
}
