import { createMemoryRateLimiter, type RateLimiter } from '../security/rate-limit';

/**
 * Short-lived state several auth-server instances must agree on: rate-limit counters, and the news
 * that sessions ended (for app servers that refuse them at once). In-process by default;
 * `createRedisSharedState` (`@orbital/server/redis`) shares it. Choosing is configuration only.
 */
export interface SharedState {
  readonly kind: 'in-process' | 'redis';
  limiter: RateLimiter;
  /** Tells app servers that subscribe to revocations; a no-op in-process. */
  sessionsEnded(sessionIds: readonly string[]): Promise<void>;
  /** Resolves when the backend answers; for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createInProcessSharedState(): SharedState {
  return {
    kind: 'in-process',
    limiter: createMemoryRateLimiter(),
    sessionsEnded: async () => {},
    ping: async () => {},
    close: async () => {},
  };
}
