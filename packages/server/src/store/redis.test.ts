import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishableKey } from '@orbital/core';
import { authenticateRequest } from '@orbital/core/server';
import { APP, Browser, URL_BASE } from '../../test/harness';
import { TEST_REDIS_URL, redisAvailable } from '../../test/redis';
import { startTcpProxy } from '../../test/tcp-proxy';
import { createRedisReplayGuard, createRedisSharedState, subscribeToRevokedSessions } from './redis';
import { createOrbitalServer } from '../server';
import { createMemoryStore } from './memory-store';
import { until } from '../../test/until';

const available = await redisAvailable();
const redis = new URL(TEST_REDIS_URL);
// One prefix per run: tests never see another run's counters.
const keyPrefix = `orbital-test:${process.pid}:${Date.now()}:`;
describe.skipIf(!available)('shared state in Redis', () => {
  it('counts sign-in attempts across auth-server instances: the limit holds for the fleet, not per instance', async () => {
    const store = createMemoryStore();
    const rateLimits = { signInPerIdentifier: { limit: 3, window: 60 } };
    const a = createOrbitalServer({
      url: URL_BASE,
      trustedOrigins: [APP],
      store,
      rateLimits,
      sharedState: createRedisSharedState({ url: TEST_REDIS_URL, keyPrefix }),
    });
    const b = createOrbitalServer({
      url: URL_BASE,
      trustedOrigins: [APP],
      store,
      rateLimits,
      sharedState: createRedisSharedState({ url: TEST_REDIS_URL, keyPrefix }),
    });
    const statuses: number[] = [];
    for (const server of [a, b, a, b])
      statuses.push((await new Browser(server).signIn('nobody@example.com', 'wrong password')).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
    const refused = await new Browser(a).signIn('nobody@example.com', 'wrong password');
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
  });

  it('announces ended sessions: a subscribed app server refuses the session within a second, before its token expires', async () => {
    const server = createOrbitalServer({
      url: URL_BASE,
      trustedOrigins: [APP],
      store: createMemoryStore(),
      sharedState: createRedisSharedState({ url: TEST_REDIS_URL, keyPrefix }),
    });
    const feed = subscribeToRevokedSessions({ url: TEST_REDIS_URL, keyPrefix });
    await feed.ready;
    const browser = new Browser(server);
    const { body } = await browser.signUp(`ada.${Date.now()}@example.com`);
    const sessionId = body.sessionId as string;
    const token = (await browser.token(sessionId)).body.jwt as string;
    const options = {
      publishableKey: createPublishableKey(URL_BASE, 'development'),
      jwks: await server.jwks(),
      authorizedParties: [APP],
      revokedSessions: feed.revokedSessions,
    };
    const api = () =>
      authenticateRequest(new Request(`${APP}/api`, { headers: { authorization: `Bearer ${token}` } }), options);
    expect((await api()).status).toBe('signed-in');

    const ended = Date.now();
    expect((await browser.json(`/v1/client/sessions/${sessionId}/end`, { method: 'POST' })).status).toBe(200);
    await until(() => feed.revokedSessions.has(sessionId), 1_000);
    const latency = Date.now() - ended;
    expect(await api()).toMatchObject({ status: 'signed-out', reason: 'token_invalid' });
    expect(latency).toBeLessThan(1_000);
    await feed.close();
    await server.close();
  });

  it('lets a handshake payload be used once across every app-server instance', async () => {
    const [a, b] = [
      createRedisReplayGuard({ url: TEST_REDIS_URL, keyPrefix }),
      createRedisReplayGuard({ url: TEST_REDIS_URL, keyPrefix }),
    ];
    await until(async () => (await a.claim(`warm-${Date.now()}`, Date.now() / 1000 + 30)) === true);
    const id = `payload-${Date.now()}`;
    const expiresAt = Date.now() / 1000 + 30;
    const claims = await Promise.all([a.claim(id, expiresAt), b.claim(id, expiresAt), a.claim(id, expiresAt)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  describe('when Redis goes away', () => {
    let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
    let server: ReturnType<typeof createOrbitalServer>;

    beforeAll(async () => {
      proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
      server = createOrbitalServer({
        url: URL_BASE,
        trustedOrigins: [APP],
        store: createMemoryStore(),
        sharedState: createRedisSharedState({ url: `redis://127.0.0.1:${proxy.port}`, keyPrefix }),
      });
      await until(async () => (await server.handler(new Request(`${URL_BASE}/health`))).status === 200);
    });
    afterAll(async () => {
      await server?.close();
      await proxy?.close();
    });

    it('answers 503 shared_state_unavailable with Retry-After, fast, and recovers by itself when it is back', async () => {
      await proxy.cut();
      const started = Date.now();
      const refused = await new Browser(server).signIn('nobody@example.com', 'wrong password');
      expect(Date.now() - started).toBeLessThan(2_500); // fails fast, does not hang the request
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('shared_state_unavailable');
      expect(refused.response.headers.get('retry-after')).toBe('5');
      const health = await server.handler(new Request(`${URL_BASE}/health`));
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'unavailable',
        store: 'ok',
        sharedState: { kind: 'redis', status: 'unavailable' },
        error: { code: 'shared_state_unavailable' },
      });

      await proxy.restore();
      await until(async () => (await server.handler(new Request(`${URL_BASE}/health`))).status === 200, 10_000);
      expect((await new Browser(server).signIn('nobody@example.com', 'wrong password')).status).toBe(422);
    });

    it('answers 503 instead of hanging while Redis is connected but does not answer (paused)', async () => {
      proxy.hang();
      try {
        const refused = await new Browser(server).signIn('nobody@example.com', 'wrong password');
        expect(refused.status).toBe(503);
        expect(refused.body.error.code).toBe('shared_state_unavailable');
        expect((await server.handler(new Request(`${URL_BASE}/health`))).status).toBe(503);
      } finally {
        proxy.resume();
      }
      await until(async () => (await server.handler(new Request(`${URL_BASE}/health`))).status === 200, 10_000);
    });
  });
});
