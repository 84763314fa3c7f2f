/**
 * @orbital/server/redis — shared state for several auth-server instances, and the revocation
 * feed for app servers. Only loaded when imported: the embedded setup needs no Redis.
 */
import { createClient } from 'redis';
import { ApiError } from '@orbital/core';
import { createRevocationList, type ReplayGuard, type RevocationList } from '@orbital/core/server';
import { rateLimited, type RateLimiter } from '../security/rate-limit';
import { createStallGuard } from './stall-guard';
import type { SharedState } from './shared-state';

export interface RedisOptions {
  /** `redis://127.0.0.1:6379` */
  url: string;
  /** Prefix of every key and channel (default `orbital:`), to share a Redis between instances of different apps. */
  keyPrefix?: string;
  /** Milliseconds a command may take before it fails as unavailable (default 1000): a hung Redis costs that, not the request. */
  commandTimeout?: number;
  /**
   * Milliseconds with commands waiting and none answered after which Redis counts as hung: waiting
   * and new requests get `shared_state_unavailable` at once until a ping answers (default 500).
   */
  stallTimeout?: number;
}

const COMMAND_TIMEOUT = 1_000;

const RETRY_AFTER = 5;

/**
 * A client that fails fast while Redis is away (a 503 the caller can retry, not a request that
 * hangs) and reconnects by itself when it comes back.
 */
function connect(url: string, failFast = true) {
  const client = createClient({
    url,
    disableOfflineQueue: failFast,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  // Reported through failing commands; an 'error' event without a listener would crash the process.
  client.on('error', () => {});
  void client.connect().catch(() => {});
  return client;
}

function unavailable(error: unknown): ApiError {
  return new ApiError(
    503,
    'shared_state_unavailable',
    `The auth server cannot reach Redis right now. Retry in ${RETRY_AFTER} seconds.`,
    { cause: error, retryAfter: RETRY_AFTER },
  );
}

/**
 * A command that fails as `shared_state_unavailable` when Redis refuses it or does not answer in
 * time: a paused or partitioned Redis keeps its socket open, so only a deadline notices.
 */
async function guarded<T>(run: () => Promise<T>, timeout: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeout} ms`)), timeout);
  });
  try {
    return await Promise.race([run(), deadline]);
  } catch (error) {
    throw error instanceof ApiError ? error : unavailable(error);
  } finally {
    clearTimeout(timer);
  }
}

const channelName = (prefix: string) => `${prefix}sessions-ended`;

/**
 * Rate-limit counters in Redis (fixed windows on Redis's clock, so instances agree) and ended
 * sessions published for app servers. Pass it as `sharedState` to `createOrbitalServer`.
 *
 * @example createOrbitalServer({ url, store, sharedState: createRedisSharedState({ url: process.env.REDIS_URL }) })
 */
export function createRedisSharedState(options: RedisOptions): SharedState {
  const prefix = options.keyPrefix ?? 'orbital:';
  const client = connect(options.url);
  const timeout = options.commandTimeout ?? COMMAND_TIMEOUT;
  const stallAfter = options.stallTimeout ?? 500;
  const guard = createStallGuard({
    stallAfter,
    probe: () => guarded(() => client.ping(), stallAfter),
    unavailable,
    onChange: (cause) =>
      console.warn(
        cause
          ? `[orbital] Redis does not answer (${cause.message}): answering shared_state_unavailable until it does`
          : '[orbital] Redis answers again',
      ),
  });
  const command = <T>(run: () => Promise<T>) => guard.run(() => guarded(run, timeout));
  const limiter: RateLimiter = {
    async hit(key, rule) {
      const redisKey = `${prefix}rate:${key}`;
      const [count, ttl] = await command(() =>
        client.multi().incr(redisKey).expire(redisKey, rule.window, 'NX').ttl(redisKey).exec(),
      );
      if (Number(count) > rule.limit) throw rateLimited(Math.max(1, Number(ttl)));
    },
    async check(key, rule) {
      const redisKey = `${prefix}rate:${key}`;
      const [count, ttl] = await command(() => client.multi().get(redisKey).ttl(redisKey).exec());
      if (Number(count ?? 0) >= rule.limit) throw rateLimited(Math.max(1, Number(ttl)));
    },
  };
  return {
    kind: 'redis',
    limiter,
    async sessionsEnded(sessionIds) {
      if (sessionIds.length) await command(() => client.publish(channelName(prefix), JSON.stringify(sessionIds)));
    },
    async ping() {
      await command(() => client.ping());
    },
    async close() {
      guard.close();
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * For app servers that must refuse ended sessions at once: a deny list fed by the auth server's
 * announcements, to pass as `revokedSessions` to `authenticateRequest` (or your adapter). News
 * published while this server is disconnected is missed; those sessions are refused when their
 * last token expires, as without the feed.
 *
 * @example const feed = subscribeToRevokedSessions({ url: process.env.REDIS_URL }); authenticateRequest(req, { …, revokedSessions: feed.revokedSessions })
 */
export function subscribeToRevokedSessions(options: RedisOptions & { list?: RevocationList }): {
  revokedSessions: RevocationList;
  ready: Promise<void>;
  close: () => Promise<void>;
} {
  const prefix = options.keyPrefix ?? 'orbital:';
  const list = options.list ?? createRevocationList();
  // Queued until connected, and renewed by the client after every reconnect: the app starts without waiting for Redis.
  const client = connect(options.url, false);
  const ready = client.subscribe(channelName(prefix), (message) => {
    try {
      for (const id of JSON.parse(message) as unknown[]) if (typeof id === 'string') list.add(id);
    } catch {
      // Not ours: ignore.
    }
  });
  return {
    revokedSessions: list,
    ready,
    close: async () => {
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * For app servers running several instances: handshake payloads are single-use across all of them
 * (pass as `replayGuard` to `authenticateRequest`). In-process by default, which is enough for one.
 * While Redis is away a payload is refused as a replay (the handshake simply runs again), never
 * accepted twice.
 */
export function createRedisReplayGuard(options: RedisOptions): ReplayGuard & { close: () => Promise<void> } {
  const prefix = options.keyPrefix ?? 'orbital:';
  const client = connect(options.url);
  return {
    async claim(id, expiresAt) {
      const ttl = Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
      try {
        return (
          (await guarded(
            () =>
              client.set(`${prefix}handshake:${id}`, '1', { condition: 'NX', expiration: { type: 'EX', value: ttl } }),
            options.commandTimeout ?? COMMAND_TIMEOUT,
          )) === 'OK'
        );
      } catch {
        return false;
      }
    },
    async close() {
      if (client.isOpen) client.destroy();
    },
  };
}
