import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { cookieNames, createPublishableKey } from '@orbital/core';
import { authenticateRequest } from '@orbital/core/server';
import { APP, Browser, URL_BASE } from '../../test/harness';
import { createTestDatabase } from '../../test/postgres';
import { startTcpProxy } from '../../test/tcp-proxy';
import { createOrbitalServer, type OrbitalServer } from '../server';
import { createPostgresStore } from './postgres';
import { until } from '../../test/until';

const database = await createTestDatabase();
afterAll(() => database?.drop());

describe.skipIf(!database)('PostgreSQL with several auth-server instances', () => {
  let a: OrbitalServer;
  let b: OrbitalServer;

  beforeAll(async () => {
    // Two instances starting at once on a fresh database: one migrates, the other waits.
    const [storeA, storeB] = await Promise.all([
      createPostgresStore({ connectionString: database!.url }),
      createPostgresStore({ connectionString: database!.url }),
    ]);
    a = createOrbitalServer({ url: URL_BASE, trustedOrigins: [APP], store: storeA });
    b = createOrbitalServer({ url: URL_BASE, trustedOrigins: [APP], store: storeB });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('runs every migration exactly once when instances start together', async () => {
    const db = new pg.Client({ connectionString: database!.url });
    await db.connect();
    const rows = (
      await db.query('SELECT version, count(*)::int AS n FROM orbital_migrations GROUP BY version ORDER BY version')
    ).rows;
    await db.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('loses no session when two tabs sign in at the same moment through different instances', async () => {
    const tabA = new Browser(a);
    await tabA.signUp(`ada.${Date.now()}@example.com`);
    const bob = `bob.${Date.now()}@example.com`;
    const grace = `grace.${Date.now()}@example.com`;
    await new Browser(b).signUp(bob);
    await new Browser(b).signUp(grace);
    // The same browser (one client cookie), two requests in flight, one per instance. Every
    // sign-in replaces the client token, so one of them wins; the other is told to retry (as the
    // browser client does) with the cookie the winner set, and lands on the same client.
    const tabB = new Browser(b);
    for (const [name, value] of tabA.jar) tabB.jar.set(name, value);
    const tabs = [tabA, tabB];
    const results = await Promise.all([tabA.signIn(bob), tabB.signIn(grace)]);
    const lost = results.findIndex((r) => r.status === 409);
    if (lost !== -1) {
      expect(results[lost]!.body.error.code).toBe('client_changed');
      const winner = tabs[1 - lost]!;
      for (const [name, value] of winner.jar) tabs[lost]!.jar.set(name, value);
      results[lost] = await tabs[lost]!.signIn(lost === 0 ? bob : grace);
    }
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const latest = lost === -1 ? tabA : tabs[lost]!;
    const client = (await latest.json('/v1/client')).body.client;
    const emails = client.sessions.map((s: { user: { email: string } }) => s.user.email);
    expect(emails).toEqual(expect.arrayContaining([bob, grace]));
    expect(results.map((r) => r.body.sessionId)).toContain(client.lastActiveSessionId);
  });

  // The same browser, one request on each instance, over and over: what a load balancer does.
  const TRIALS = 30;

  it('never lets a token racing a sign-out on the other instance sign the browser back in', async () => {
    const names = cookieNames(a.publishableKey);
    for (let trial = 0; trial < TRIALS; trial++) {
      const ip = `10.4.${trial}.1`; // one browser per trial, each under its own sign-up limit
      const onA = new Browser(a, APP, ip);
      const { body } = await onA.signUp(`race.${trial}.${Date.now()}@example.com`);
      const onB = new Browser(b, APP, ip, onA.jar);
      const stale = new Browser(b, APP, ip, new Map(onA.jar)); // a tab that kept the old cookie
      const refreshes = Array.from({ length: 4 }, () => onB.token(body.sessionId));
      const signOut = onA.fetch('/v1/client/sessions', { method: 'DELETE' });
      await Promise.all([...refreshes, signOut]);
      // Cookies applied in the order the responses arrived: the sign-out's must stand.
      expect(onA.jar.get(names.client)).toBeUndefined();
      expect(onA.jar.get(names.clientUat) ?? '0').toBe('0');
      expect([401, 404]).toContain((await stale.token(body.sessionId)).status); // no token for the ended session
    }
  }, 120_000);

  it('never leaves a client pointing at a session ended on the other instance while it was switched to', async () => {
    const db = new pg.Client({ connectionString: database!.url });
    await db.connect();
    try {
      // One browser: an account that stays, and each trial a new one to switch to while B ends it.
      const jar = new Map<string, string>();
      const kept = (await new Browser(a, APP, '10.5.0.1', jar).signUp(`switch.kept.${Date.now()}@example.com`)).body
        .sessionId as string;
      for (let trial = 0; trial < TRIALS; trial++) {
        const onA = new Browser(a, APP, `10.5.${trial}.2`, jar); // each trial its own sign-up limit
        const first = (await onA.signUp(`switch.${trial}.${Date.now()}@example.com`)).body.sessionId as string;
        await onA.fetch(`/v1/client/sessions/${kept}/touch`, { method: 'POST' }); // `first` waits in the chooser
        const onB = new Browser(b, APP, `10.5.${trial}.2`, jar);
        await Promise.all([
          onA.fetch(`/v1/client/sessions/${first}/touch`, { method: 'POST' }),
          onB.fetch(`/v1/client/sessions/${first}/end`, { method: 'POST' }),
        ]);
        const { rows } = await db.query(
          `SELECT s.status FROM orbital_clients c JOIN orbital_sessions s ON s.id = c.last_active_session_id WHERE s.id = $1`,
          [first],
        );
        expect(rows.map((r) => r.status)).not.toContain('ended');
      }
    } finally {
      await db.end();
    }
  }, 120_000);

  it('signs with one key set: a token from either instance verifies with the JWKS from the other', async () => {
    const browser = new Browser(a);
    const { body } = await browser.signUp(`key.${Date.now()}@example.com`);
    const other = new Browser(b);
    for (const [name, value] of browser.jar) other.jar.set(name, value);
    const tokens = [
      (await browser.token(body.sessionId)).body.jwt as string,
      (await other.token(body.sessionId)).body.jwt as string,
    ];
    for (const [token, jwksFrom] of [
      [tokens[0]!, b],
      [tokens[1]!, a],
    ] as const) {
      const options = {
        publishableKey: createPublishableKey(URL_BASE, 'development'),
        jwks: await jwksFrom.jwks(),
        authorizedParties: [APP],
      };
      const state = await authenticateRequest(
        new Request(`${APP}/api`, { headers: { authorization: `Bearer ${token}` } }),
        options,
      );
      expect(state).toMatchObject({ status: 'signed-in' });
    }
  });
});

describe.skipIf(!database)('prepared statements across a schema change', () => {
  it('keeps answering when another instance migrates the schema under a prepared SELECT *', async () => {
    const store = await createPostgresStore({ connectionString: database!.url, max: 1 });
    const user = await store.createUser({
      id: `user_${Date.now()}`,
      email: `schema.${Date.now()}@example.com`,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 1,
    });
    expect(await store.findUserById(user.id)).toMatchObject({ id: user.id });
    const other = new pg.Client({ connectionString: database!.url });
    await other.connect();
    await other.query('ALTER TABLE orbital_users ADD COLUMN added_by_a_newer_release text');
    await other.end();
    expect(await store.findUserById(user.id)).toMatchObject({ id: user.id });
    await store.close();
  });
});

describe.skipIf(!database)('when PostgreSQL goes away', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let server: OrbitalServer;
  const health = () => server.handler(new Request(`${URL_BASE}/health`));

  beforeAll(async () => {
    const target = new URL(database!.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    server = createOrbitalServer({
      url: URL_BASE,
      trustedOrigins: [APP],
      store: await createPostgresStore({ connectionString: target.href }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('answers 503 store_unavailable with Retry-After, writes nothing half-way, and recovers without a restart', async () => {
    const browser = new Browser(server);
    const email = `down.${Date.now()}@example.com`;
    expect((await health()).status).toBe(200);

    await proxy.cut();
    const refused = await browser.signUp(email);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('store_unavailable');
    expect(refused.response.headers.get('retry-after')).toBe('5');
    expect(refused.response.headers.getSetCookie()).toEqual([]); // no cookie for a client that was not stored
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'unavailable',
      store: 'unavailable',
      error: { code: 'store_unavailable' },
    });

    await proxy.restore();
    await until(async () => (await health()).status === 200);
    // The refused sign-up left nothing behind: the same email signs up now.
    expect((await browser.signUp(email)).status).toBe(201);
  });
});
