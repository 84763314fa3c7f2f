/**
 * Sessions the auth server has ended, for app servers that must refuse them at once rather than
 * when their last token expires (≤ the token lifetime). Fed by a revocation channel (see
 * `subscribeToRevokedSessions` in `@orbital/server/redis`); pass it to `authenticateRequest` as
 * `revokedSessions`. Off unless you pass one.
 */
export interface RevokedSessions {
  has(sessionId: string): boolean;
}

export interface RevocationList extends RevokedSessions {
  /** Remembers `sessionId` as ended; forgets it once no token of it can still be valid. */
  add(sessionId: string): void;
  readonly size: number;
}

/**
 * An in-memory deny list. Entries live `rememberFor` seconds (default 10 minutes — longer than any
 * token of the session can live), so it stays small: about the sessions ended in that window.
 */
export function createRevocationList(options: { rememberFor?: number; now?: () => number } = {}): RevocationList {
  const rememberFor = (options.rememberFor ?? 600) * 1000;
  const now = options.now ?? Date.now;
  const until = new Map<string, number>();
  const sweep = (at: number) => {
    // Insertion order is expiry order: stop at the first entry still in force.
    for (const [id, expiry] of until) {
      if (expiry > at) break;
      until.delete(id);
    }
  };
  return {
    add(sessionId) {
      const at = now();
      sweep(at);
      until.delete(sessionId);
      until.set(sessionId, at + rememberFor);
    },
    has(sessionId) {
      const expiry = until.get(sessionId);
      return expiry !== undefined && expiry > now();
    },
    get size() {
      sweep(now());
      return until.size;
    },
  };
}
