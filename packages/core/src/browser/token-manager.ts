import { parseCookies, sessionCookie, type CookieNames, type CookieScope } from '../cookies';
import { readJwtPayload } from '../jwt';
import type { AuthApi } from './auth-api';

interface HeldToken {
  sessionId: string;
  /** `org_id`: a token minted before an organization switch must not be reused after it. */
  organizationId: string | null;
  jwt: string;
  iat: number;
  exp: number;
}

/** Tokens that expire within this many seconds are refreshed before use. */
export const MIN_VALIDITY = 10;

function toHeld(jwt: string): HeldToken | null {
  const payload = readJwtPayload(jwt);
  if (!payload || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
  return {
    sessionId: payload.sid,
    organizationId: typeof payload.org_id === 'string' ? payload.org_id : null,
    jwt,
    iat: payload.iat as number,
    exp: payload.exp,
  };
}

/**
 * Keeps the active session's token fresh and in the session cookie. One refresh per browser:
 * tabs take a Web Lock, and a tab that gets the lock after another refreshed finds the new token
 * in the (shared) cookie instead of asking the auth server again.
 */
export function createTokenManager(api: AuthApi, names: CookieNames, scope: () => CookieScope, lockName: string) {
  let held: HeldToken | null = null;
  // Server time minus browser time, learnt from each token's `iat`: a wrong browser clock must not
  // make every token look expired (or fresh forever).
  let offset = 0;
  const inflight = new Map<string, Promise<string>>();
  // Bumped by clear(): a refresh that started before a sign-out or switch answers its caller but
  // never lands in the cookie, or it would sign the browser back in until the token expires.
  let generation = 0;

  const now = () => Date.now() / 1000 + offset;
  // How early to refresh: 15 s ahead for the default 60 s tokens, half the lifetime for short ones.
  const lead = (token: HeldToken) => Math.min(MIN_VALIDITY + 5, (token.exp - token.iat) / 2);
  const usable = (token: HeldToken | null, sessionId: string, organizationId: string | null, minValidity: number) =>
    token?.sessionId === sessionId && token.organizationId === organizationId && token.exp - now() > minValidity;

  function fromCookie(): HeldToken | null {
    const jwt = parseCookies(typeof document === 'undefined' ? '' : document.cookie)[names.session];
    return jwt ? toHeld(jwt) : null;
  }

  async function refresh(sessionId: string, organizationId: string | null, minValidity: number): Promise<string> {
    const cookie = fromCookie();
    if (usable(cookie, sessionId, organizationId, minValidity)) return (held = cookie)!.jwt;
    const started = generation;
    const { jwt } = await api.token(sessionId);
    if (started !== generation) return jwt;
    held = toHeld(jwt)!;
    offset = held.iat - Date.now() / 1000;
    document.cookie = sessionCookie(names, scope(), jwt);
    return jwt;
  }

  function locked(sessionId: string, organizationId: string | null, minValidity: number): Promise<string> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks
      ? locks.request(lockName, () => refresh(sessionId, organizationId, minValidity))
      : refresh(sessionId, organizationId, minValidity);
  }

  return {
    /**
     * A token for `sessionId` acting for `organizationId`, valid for at least `minValidity`
     * seconds; throws the API error when the session is gone.
     */
    async get(
      sessionId: string,
      organizationId: string | null = null,
      minValidity = held ? Math.min(MIN_VALIDITY, lead(held)) : MIN_VALIDITY,
    ): Promise<string> {
      if (usable(held, sessionId, organizationId, minValidity)) return held!.jwt;
      const key = `${sessionId}:${organizationId}`;
      let pending = inflight.get(key);
      if (!pending) {
        pending = locked(sessionId, organizationId, minValidity).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
    /** Seconds until the held token should be refreshed ahead of expiry, or null without one. */
    refreshIn(): number | null {
      return held ? Math.max(1, held.exp - now() - lead(held)) : null;
    },
    /** The timer's refresh: renews unless another tab already did. */
    refreshAhead(sessionId: string, organizationId: string | null = null): Promise<string> {
      return this.get(sessionId, organizationId, held ? lead(held) + 1 : MIN_VALIDITY);
    },
    /** Forgets the held token and discards refreshes still on their way. */
    clear() {
      held = null;
      generation++;
      inflight.clear();
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
