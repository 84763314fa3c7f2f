import { ApiError } from '../errors';
import type { TokenManager } from './token-manager';

/** After a network error or a server hiccup, the next attempt: soon, but not in a loop. */
export const RETRY_AFTER_MS = 5_000;

/** The session a tab's token is for: the active session, acting for an organization or none. */
export interface ActiveSession {
  sessionId: string;
  organizationId: string | null;
}

/**
 * Keeps the app's session cookie holding a token for the active session: fetched now, refreshed
 * ahead of expiry on a timer, retried after a hiccup; cleared when signed out. A session the auth
 * server no longer knows (401/404) is handed to `onSessionEnded`, which reloads the client.
 */
export function createTokenSync(
  tokens: TokenManager,
  active: () => ActiveSession | null,
  clearCookie: () => void,
  onSessionEnded: () => Promise<void>,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function sync(): Promise<void> {
    clearTimeout(timer);
    const current = active();
    if (!current) return clearCookie();
    try {
      await tokens.get(current.sessionId, current.organizationId);
    } catch (error) {
      return failed(error);
    }
    const seconds = tokens.refreshIn();
    if (seconds !== null)
      timer = setTimeout(
        () => void tokens.refreshAhead(current.sessionId, current.organizationId).then(sync, failed),
        seconds * 1000,
      );
  }

  /** A token request failed: the session is gone, or the network or server is (try again later). */
  async function failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return onSessionEnded();
    // Offline or a server hiccup: keep the state, try again on focus / online or after a pause.
    clearTimeout(timer);
    timer = setTimeout(() => void sync(), RETRY_AFTER_MS);
  }

  return { sync, failed, stop: () => clearTimeout(timer) };
}

export type TokenSync = ReturnType<typeof createTokenSync>;
