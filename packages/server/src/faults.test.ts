import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  FaultBrowser,
  faultSecretKey,
  runLoad,
  startAuthProcess,
  type AuthProcess,
  type Outcome,
} from '../test/auth-processes';
import { startOwnPostgres, startOwnRedis, type OwnService } from '../test/services';
import { until } from '../test/until';

/** How long the fault lasts: a real outage has a duration; nothing in the code waits for it. */
const outage = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults: two auth-server processes on a PostgreSQL and a Redis of their own', () => {
  let database: OwnService;
  let redis: OwnService;
  let instances: AuthProcess[] = [];
  let browsers: FaultBrowser[] = [];
  const urls = () => instances.map((i) => i.url);
  const healthy = async () =>
    (
      await Promise.all(
        urls().map((url) =>
          fetch(`${url}/health`).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      )
    ).every((s) => s === 200);

  beforeAll(async () => {
    [database, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, ORBITAL_SECRET_KEY: faultSecretKey() };
    instances = await Promise.all([startAuthProcess(env), startAuthProcess(env)]);
    await until(healthy); // ready, as a load balancer would wait for: connected to Redis too
    browsers = Array.from({ length: 12 }, () => new FaultBrowser());
    const signUps = [];
    for (const [i, b] of browsers.entries())
      signUps.push(await b.signUp(urls()[i % 2]!, `steady.${i}.${Date.now()}@example.com`));
    expect(
      signUps.map((s) => [s.status, s.code]),
      instances.map((i) => i.stderr.join('')).join('\n'),
    ).toEqual(browsers.map(() => [201, null]));
    expect(browsers.every((b) => b.sessionId)).toBe(true);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    database?.close();
    redis?.close();
  });

  /** Both processes still run and never logged a fault nothing handled. */
  function expectAlive() {
    for (const instance of instances) {
      expect(instance.exitCode()).toBeNull();
      expect(instance.stderr.join('')).not.toMatch(/uncaught|unhandled/i);
    }
  }

  /** Every signed-in browser still gets a token from each instance: no session was lost. */
  async function expectNoSessionLost() {
    for (const browser of browsers) for (const url of urls()) expect((await browser.refresh(url)).status).toBe(200);
  }

  const summary = (outcomes: Outcome[]) =>
    outcomes.reduce<Record<string, number>>(
      (acc, o) => ({
        ...acc,
        [`${o.status} ${o.code ?? ''}`.trim()]: (acc[`${o.status} ${o.code ?? ''}`.trim()] ?? 0) + 1,
      }),
      {},
    );

  it('PostgreSQL restarts under load: 503 store_unavailable meanwhile, recovery by itself, no process dies, nothing half-written', async () => {
    const load = runLoad(urls(), browsers);
    await until(() => load.outcomes.filter((o) => o.status === 200).length > 50);
    const stoppedAt = Date.now();
    database.stop();
    await until(() => load.outcomes.some((o) => o.at > stoppedAt && o.status === 503));
    database.start();
    await until(healthy);
    const recoveredAt = Date.now();
    await until(() => load.outcomes.filter((o) => o.at > recoveredAt && o.status === 200).length > 50);
    const outcomes = await load.stop();

    const counts = summary(outcomes);
    expect(Object.keys(counts).sort()).toEqual(expect.arrayContaining(['200', '503 store_unavailable']));
    expect(
      Object.keys(counts).every((key) => ['200', '201', '503 store_unavailable'].includes(key)),
      JSON.stringify(counts),
    ).toBe(true);
    expect(outcomes.filter((o) => o.status === 503).every((o) => o.retryAfter === '5')).toBe(true);
    expectAlive();

    // Nothing half-written: every account has its first session; every sign-up that said 201 holds.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const orphans = await db.query(
        `SELECT u.email FROM orbital_users u WHERE NOT EXISTS (SELECT 1 FROM orbital_sessions s WHERE s.user_id = u.id)`,
      );
      expect(orphans.rows).toEqual([]);
      const created = load.signedUp.filter((s) => s.status === 201).map((s) => s.email);
      const stored = await db.query(`SELECT email FROM orbital_users WHERE email = ANY($1::text[])`, [created]);
      expect(stored.rows.length).toBe(created.length);
    } finally {
      await db.end();
    }
    await expectNoSessionLost();
  });

  // Latency figures (p99, max) are the bench's to print; here the structural fact: requests are
  // answered while the dependency is still hung, instead of being held until it comes back.
  const HANG = 4_000;
  const answeredDuringHang = (outcomes: Outcome[], pausedAt: number, resumedAt: number) =>
    outcomes.filter((o) => o.at - o.ms >= pausedAt && o.at - o.ms <= resumedAt - HANG / 2);

  it('PostgreSQL hangs (SIGSTOP): requests and /health are answered 503 while it hangs, not held; all recover on SIGCONT', async () => {
    const load = runLoad(urls(), browsers);
    await until(() => load.outcomes.filter((o) => o.status === 200).length > 50);
    const pausedAt = Date.now();
    database.pause();
    await outage(HANG / 3);
    const health = await Promise.all(
      urls().map(async (url) => ({ status: (await fetch(`${url}/health`)).status, at: Date.now() })),
    );
    await outage(HANG - (Date.now() - pausedAt));
    const resumedAt = Date.now();
    database.resume();
    await until(healthy);
    const outcomes = await load.stop();

    const started = answeredDuringHang(outcomes, pausedAt, resumedAt);
    expect(started.length).toBeGreaterThan(10);
    expect(
      started.every((o) => o.at < resumedAt),
      'every request started during the hang was answered during it',
    ).toBe(true);
    expect(
      started.every((o) => o.status === 200 || (o.status === 503 && o.code === 'store_unavailable')),
      JSON.stringify(summary(started)),
    ).toBe(true);
    expect(health.every((h) => h.status === 503 && h.at < resumedAt)).toBe(true);
    expectAlive();
    await expectNoSessionLost();
  });

  it('Redis pauses, then restarts: sign-ups answer 503 shared_state_unavailable fast, token refreshes go on, both recover', async () => {
    const load = runLoad(urls(), browsers);
    await until(() => load.outcomes.filter((o) => o.status === 200).length > 50);
    const pausedAt = Date.now();
    redis.pause();
    await outage(HANG);
    const resumedAt = Date.now();
    redis.resume();
    redis.stop();
    const stoppedAt = Date.now();
    await until(() => load.outcomes.some((o) => o.at > stoppedAt && o.kind === 'sign-up' && o.status === 503));
    redis.start();
    await until(healthy);
    const recoveredAt = Date.now();
    await until(() => load.outcomes.some((o) => o.at > recoveredAt && o.kind === 'sign-up' && o.status === 201));
    const outcomes = await load.stop();

    const during = outcomes.filter((o) => o.at - o.ms >= pausedAt && o.at <= recoveredAt);
    expect(during.filter((o) => o.kind === 'refresh').every((o) => o.status === 200)).toBe(true);
    const signUps = during.filter((o) => o.kind === 'sign-up');
    expect(signUps.some((o) => o.status === 503)).toBe(true);
    expect(
      signUps.every((o) => o.status === 201 || (o.status === 503 && o.code === 'shared_state_unavailable')),
      JSON.stringify(summary(signUps)),
    ).toBe(true);
    expect(
      answeredDuringHang(outcomes, pausedAt, resumedAt).every((o) => o.at < resumedAt),
      'answered while Redis was paused',
    ).toBe(true);
    expectAlive();
  });
});
