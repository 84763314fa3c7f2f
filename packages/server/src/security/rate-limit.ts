import { ApiError } from '@orbital/core';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  /** Window length in seconds. */
  window: number;
}

/** Counts attempts per key in fixed windows: in-process, or shared through Redis. */
export interface RateLimiter {
  /** Counts one attempt; throws a 429 `rate_limited` once the key is over its limit. */
  hit(key: string, rule: RateLimit, now: number): Promise<void>;
  /** Throws the same 429 when the key has used up its limit, without counting anything. */
  check(key: string, rule: RateLimit, now: number): Promise<void>;
}

export function rateLimited(retryAfter: number): ApiError {
  return new ApiError(429, 'rate_limited', `Too many attempts. Wait ${retryAfter} seconds and try again.`, {
    retryAfter,
  });
}

export function createMemoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, rule, now) {
      if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.start >= rule.window) windows.delete(k);
      let entry = windows.get(key);
      if (!entry || now - entry.start >= rule.window) windows.set(key, (entry = { start: now, count: 0 }));
      entry.count++;
      if (entry.count > rule.limit) throw rateLimited(Math.max(1, entry.start + rule.window - now));
    },
    async check(key, rule, now) {
      const entry = windows.get(key);
      if (entry && now - entry.start < rule.window && entry.count >= rule.limit)
        throw rateLimited(Math.max(1, entry.start + rule.window - now));
    },
  };
}
