import { parseCookies, sessionCookie, type CookieNames, type CookieScope } from '../cookies';
import { readJwtPayload } from '../jwt';
import type { AuthApi } from './auth-api';

interface HeldToken {
  sessionId: string;
  jwt: string;
  iat: number;
  exp: number;
}

/** Tokens that expire within this many seconds are refreshed before use. */
export const MIN_VALIDITY = 10;

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

  const now = () => Date.now() / 1000 + offset;
  // How early to refresh: 15 s ahead for the default 60 s tokens, half the lifetime for short ones.
  const lead = (token: HeldToken) => Math.min(MIN_VALIDITY + 5, (token.exp - token.iat) / 2);
  const usable = (token: HeldToken | null, sessionId: string, minValidity: number) => token?.sessionId === sessionId && token.exp - now() > minValidity;

  function fromCookie(): HeldToken | null {
    const jwt = parseCookies(typeof document === 'undefined' ? '' : document.cookie)[names.session];
    const payload = jwt ? readJwtPayload(jwt) : null;
    return payload && typeof payload.sid === 'string' && typeof payload.exp === 'number' ? { sessionId: payload.sid, jwt: jwt!, iat: payload.iat as number, exp: payload.exp } : null;
  }

  async function refresh(sessionId: string, minValidity: number): Promise<string> {
    const cookie = fromCookie();
    if (usable(cookie, sessionId, minValidity)) return (held = cookie)!.jwt;
    const { jwt } = await api.token(sessionId);
    const payload = readJwtPayload(jwt)!;
    offset = (payload.iat as number) - Date.now() / 1000;
    held = { sessionId, jwt, iat: payload.iat as number, exp: payload.exp as number };
    document.cookie = sessionCookie(names, scope(), jwt);
    return jwt;
  }

  function locked(sessionId: string, minValidity: number): Promise<string> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(lockName, () => refresh(sessionId, minValidity)) : refresh(sessionId, minValidity);
  }

  return {
    /** A token for `sessionId` valid for at least `minValidity` seconds; throws the API error when the session is gone. */
    async get(sessionId: string, minValidity = held ? Math.min(MIN_VALIDITY, lead(held)) : MIN_VALIDITY): Promise<string> {
      if (usable(held, sessionId, minValidity)) return held!.jwt;
      let pending = inflight.get(sessionId);
      if (!pending) {
        pending = locked(sessionId, minValidity).finally(() => inflight.delete(sessionId));
        inflight.set(sessionId, pending);
      }
      return pending;
    },
    /** Seconds until the held token should be refreshed ahead of expiry, or null without one. */
    refreshIn(): number | null {
      return held ? Math.max(1, held.exp - now() - lead(held)) : null;
    },
    /** The timer's refresh: renews unless another tab already did. */
    refreshAhead(sessionId: string): Promise<string> {
      return this.get(sessionId, held ? lead(held) + 1 : MIN_VALIDITY);
    },
    clear() {
      held = null;
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
