import { describe, expect, it } from 'vitest';
import { KeySet, verifySessionToken } from '@orbital/core/server';
import { APP, Browser, URL_BASE, testServer } from '../../test/harness';
import { createMemoryStore } from '../store/memory-store';

describe('sign-up -> sign-in -> token -> verify -> end session', () => {
  it('works end to end through the real handler, verified by core with no network call', async () => {
    const { server, names } = testServer();
    const browser = new Browser(server);

    const signUp = await browser.signUp('ada@example.com', 'analytical engine 1843', { firstName: 'Ada' });
    expect(signUp.status).toBe(201);
    expect(signUp.body.client.sessions[0].user).toMatchObject({ email: 'ada@example.com', firstName: 'Ada' });
    expect(signUp.body.client.sessions[0].user).not.toHaveProperty('passwordHash');
    expect(browser.jar.has(names.client)).toBe(true);

    // a second browser signs in to the same account
    const laptop = new Browser(server);
    const signIn = await laptop.signIn('ADA@example.com', 'analytical engine 1843');
    expect(signIn.status).toBe(200);
    const sessionId = signIn.body.sessionId as string;
    expect(sessionId).not.toBe(signUp.body.sessionId);

    const token = await laptop.token(sessionId);
    expect(token.status).toBe(200);
    const keys = new KeySet({ jwks: await server.jwks() });
    const claims = await verifySessionToken(token.body.jwt, { keys, issuer: URL_BASE, authorizedParties: [APP] });
    expect(claims).toMatchObject({ sid: sessionId, sub: signUp.body.client.sessions[0].user.id, azp: APP });
    expect(claims.exp - claims.iat).toBe(60);

    const ended = await laptop.json(`/v1/client/sessions/${sessionId}/end`, { method: 'POST' });
    expect(ended.body.client).toMatchObject({ sessions: [], lastActiveSessionId: null, uat: 0 });
    expect(laptop.jar.has(names.client)).toBe(false);

    const refused = await laptop.token(sessionId);
    expect(refused.status).toBe(401);
    // the first browser is unaffected
    expect((await browser.token(signUp.body.sessionId)).status).toBe(200);
  });
});

describe('client cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, lives as long as the session, and only its hash is stored', async () => {
    const { server, names } = testServer();
    const browser = new Browser(server);
    const { response } = await browser.signUp('cookie@example.com');
    const line = response.headers.getSetCookie().find((l) => l.startsWith(`${names.client}=`))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
    expect(line).toMatch(/Max-Age=604800/);
    expect(line).not.toMatch(/Secure/); // development on http
    const uat = response.headers.getSetCookie().find((l) => l.startsWith(`${names.clientUat}=`))!;
    expect(uat).not.toMatch(/HttpOnly/);
  });

  it('is Secure in production', async () => {
    const { createSecretKey } = await import('@orbital/core');
    const { server } = testServer({
      url: 'https://auth.example.com',
      mode: 'production',
      secretKey: createSecretKey('production'),
      trustedOrigins: ['https://app.example.com'],
    });
    const response = await server.handler(
      new Request('https://auth.example.com/v1/sign-ups', {
        method: 'POST',
        headers: { origin: 'https://app.example.com', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'p@example.com', password: 'production grade secret' }),
      }),
    );
    expect(response.status).toBe(201);
    for (const line of response.headers.getSetCookie()) expect(line).toMatch(/Secure/);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('carries the __Host- prefix in production, so a sibling subdomain cannot plant one', async () => {
    const { createSecretKey } = await import('@orbital/core');
    const { server, names } = testServer({
      url: 'https://auth.example.com',
      mode: 'production',
      secretKey: createSecretKey('production'),
    });
    const response = await server.handler(
      new Request('https://auth.example.com/v1/sign-ups', {
        method: 'POST',
        headers: { origin: 'https://auth.example.com', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'h@example.com', password: 'production grade secret' }),
      }),
    );
    const line = response.headers.getSetCookie().find((l) => l.startsWith(`${names.client}=`))!;
    expect(names.client).toMatch(/^__Host-/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Domain=/i);
    expect(line).toMatch(/Secure/);
  });
});

describe('session fixation', () => {
  it('a client cookie planted before sign-in names nothing of the victim’s afterwards', async () => {
    const { server, names } = testServer();
    const attacker = new Browser(server);
    await attacker.signUp('mallory@example.com');
    const planted = attacker.jar.get(names.client)!;

    const victim = new Browser(server);
    victim.jar.set(names.client, planted);
    await victim.signUp('victim@example.com');
    expect(victim.jar.get(names.client)).not.toBe(planted);

    // the planted token (the attacker's copy) has lost the client the victim signed in to
    const seen = await attacker.json('/v1/client');
    expect(JSON.stringify(seen.body)).not.toContain('victim@example.com');
  });

  it('every sign-in, sign-up and added account issues a new client token; the old one stops working at once', async () => {
    const { server, names } = testServer();
    const browser = new Browser(server);
    await browser.signUp('first@example.com');
    await browser.signUp('second@example.com');
    const afterSignUp = browser.jar.get(names.client)!;
    const old = new Browser(server);
    old.jar.set(names.client, afterSignUp);
    await browser.signIn('first@example.com'); // sign in again (multi-session keeps both accounts)
    const now = browser.jar.get(names.client)!;
    expect(now).not.toBe(afterSignUp);
    expect((await old.json('/v1/client')).body.client).toBeNull();
    expect((await browser.json('/v1/client')).body.client.sessions).toHaveLength(2);
  });
});

describe('request bodies', () => {
  /** A chunked body of `total` bytes that counts what the server pulls from it. */
  function countingBody(total: number) {
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { body, pulled: () => sent };
  }

  it('are limited while they stream: a 256 MB chunked body is cut off after 64 KB, with 413 request_too_large', async () => {
    const { server } = testServer();
    const { body, pulled } = countingBody(256 * 1024 * 1024);
    const response = await server.handler(
      new Request(`${URL_BASE}/v1/sign-ups`, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('request_too_large');
    expect(pulled()).toBeLessThanOrEqual(64 * 1024 + 2 * 16 * 1024);
  });

  it('are refused before reading when Content-Length says they are too large', async () => {
    const { server } = testServer();
    const { body, pulled } = countingBody(1024 * 1024);
    const response = await server.handler(
      new Request(`${URL_BASE}/v1/sign-ups`, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(2 * 16 * 1024);
  });
});

describe('sign-up under a failing database', () => {
  it('leaves no account without its session: a retry after the failure signs up', async () => {
    const { createMemoryStore } = await import('../store/memory-store');
    const { ApiError } = await import('@orbital/core');
    const store = createMemoryStore();
    let failNext = true;
    const flaky = {
      ...store,
      createSession: (...args: Parameters<typeof store.createSession>) => {
        if (!failNext) return store.createSession(...args);
        failNext = false;
        return Promise.reject(new ApiError(503, 'store_unavailable', 'The database went away.'));
      },
    };
    const { server } = testServer({ store: flaky });
    const browser = new Browser(server);
    expect((await browser.signUp('retry@example.com')).status).toBe(503);
    expect((await browser.signUp('retry@example.com')).status).toBe(201);
  });
});

describe('sign-up errors', () => {
  it.each([
    [{ email: 'not-an-email', password: 'long enough password' }, 422, 'identifier_invalid'],
    [{ email: 'x@example.com', password: 'short' }, 422, 'password_weak'],
    [{ email: 'x@example.com', password: 'password123' }, 422, 'password_weak'],
    [{ email: 'margaret@example.com', password: 'MARGARET-hamilton' }, 422, 'password_weak'],
    [{ email: 'x@example.com', password: 42 }, 400, 'request_invalid'],
  ])('%j -> %i %s', async (body, status, code) => {
    const browser = new Browser(testServer().server);
    const result = await browser.json('/v1/sign-ups', { json: body });
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.message.length).toBeGreaterThan(10);
  });

  it('says an email is taken', async () => {
    const browser = new Browser(testServer().server);
    await browser.signUp('taken@example.com');
    expect(
      (await new Browser((browser as unknown as { server: never }).server).signUp('Taken@Example.com')).body.error.code,
    ).toBe('identifier_taken');
  });

  it('refuses a body that is not JSON', async () => {
    const browser = new Browser(testServer().server);
    expect((await browser.json('/v1/sign-ups', { method: 'POST', form: { email: 'a@b.co' } })).body.error.code).toBe(
      'request_invalid',
    );
    const garbage = await browser.json('/v1/sign-ups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(garbage).toMatchObject({ status: 400, body: { error: { code: 'request_invalid' } } });
    expect(
      (
        await browser.json('/v1/sign-ups', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '[1,2]',
        })
      ).status,
    ).toBe(400);
  });
});

describe('sign-in errors', () => {
  it('does not reveal whether an email exists (by default)', async () => {
    const { server } = testServer();
    await new Browser(server).signUp('known@example.com');
    const wrongPassword = await new Browser(server).signIn('known@example.com', 'not the password');
    const unknownEmail = await new Browser(server).signIn('unknown@example.com', 'not the password');
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.code).toBe('credentials_invalid');
  });

  it('names the problem when enumeration protection is off', async () => {
    const { server } = testServer({ accountEnumerationProtection: false });
    await new Browser(server).signUp('known@example.com');
    expect((await new Browser(server).signIn('known@example.com', 'nope nope nope')).body.error.code).toBe(
      'password_incorrect',
    );
    expect((await new Browser(server).signIn('other@example.com', 'nope nope nope')).body.error.code).toBe(
      'identifier_not_found',
    );
  });

  it('limits failed guesses per account and IP tightly, with Retry-After', async () => {
    const { server } = testServer();
    await new Browser(server).signUp('target@example.com');
    const attacker = new Browser(server, APP, '10.6.6.6');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = (await attacker.signIn('target@example.com', 'guess guess guess')).response;
      statuses.push(last.status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never lets a stranger lock the owner out: the owner signs in from their own network throughout', async () => {
    const { server } = testServer();
    const owner = new Browser(server, APP, '10.1.1.1');
    await owner.signUp('owner@example.com');
    for (let i = 0; i < 10; i++)
      await new Browser(server, APP, '10.6.6.6').signIn('owner@example.com', 'guess guess guess');
    expect((await new Browser(server, APP, '10.6.6.6').signIn('owner@example.com')).status).toBe(429);
    expect((await owner.signIn('owner@example.com')).status).toBe(200);
  });

  it('limits a distributed guess loosely per account, but not for IPs the account signed in from', async () => {
    const { server } = testServer({ rateLimits: { signInPerIdentifier: { limit: 6, window: 3600 } } });
    const owner = new Browser(server, APP, '10.1.1.1');
    await owner.signUp('spread@example.com');
    expect((await owner.signIn('spread@example.com')).status).toBe(200); // this IP is now known
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await new Browser(server, APP, `10.7.0.${i}`).signIn('spread@example.com', 'guess guess guess')).status,
      );
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 429, 429]);
    expect((await new Browser(server, APP, '10.8.0.1').signIn('spread@example.com')).status).toBe(429); // a new place waits
    expect((await owner.signIn('spread@example.com')).status).toBe(200); // the owner's does not
  });

  it('limits the current-password check of a password change, in the API and the hosted page', async () => {
    const { server } = testServer();
    const browser = new Browser(server, APP, '10.2.2.2');
    await browser.signUp('change@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await browser.json('/v1/me/password', {
            method: 'POST',
            json: { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new passphrase 9' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    const page = await browser.fetch('/user/password', {
      origin: URL_BASE,
      form: { currentPassword: 'a long enough passphrase', newPassword: 'a brand new passphrase 9' },
    });
    expect(await page.text()).toContain('Too many attempts');
  });

  it('rate limits attempts per IP', async () => {
    const { server, clock } = testServer({ rateLimits: { signInPerIp: { limit: 2, window: 60 } } });
    const browser = new Browser(server);
    expect((await browser.signIn('a@example.com', 'x'.repeat(10))).status).toBe(422);
    expect((await browser.signIn('b@example.com', 'x'.repeat(10))).status).toBe(422);
    expect((await browser.signIn('c@example.com', 'x'.repeat(10))).status).toBe(429);
    clock.advance(61);
    expect((await browser.signIn('d@example.com', 'x'.repeat(10))).status).toBe(422);
  });
});

describe('origin checks', () => {
  it.each([[null], ['https://evil.example.com'], ['null']])(
    'refuses state-changing requests from %s',
    async (origin) => {
      const browser = new Browser(testServer().server);
      const result = await browser.json('/v1/sign-ups', {
        json: { email: 'o@example.com', password: 'long enough password' },
        origin,
      });
      expect(result.status).toBe(403);
      expect(result.body.error.code).toBe('origin_not_allowed');
    },
  );

  it('answers CORS preflights for trusted origins only', async () => {
    const { server } = testServer({
      mode: 'production',
      url: 'https://auth.example.com',
      secretKey: (await import('@orbital/core')).createSecretKey('production'),
      trustedOrigins: ['https://app.example.com'],
    });
    const ask = (origin: string) =>
      server.handler(
        new Request('https://auth.example.com/v1/client', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
      );
    expect((await ask('https://app.example.com')).headers.get('access-control-allow-origin')).toBe(
      'https://app.example.com',
    );
    expect((await ask('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('multi-session', () => {
  it('holds several accounts on one client, switches the active one, and ends one', async () => {
    const { server } = testServer();
    const browser = new Browser(server);
    const a = (await browser.signUp('a@example.com')).body.sessionId;
    const b = (await browser.signUp('b@example.com')).body.sessionId;
    let client = (await browser.json('/v1/client')).body.client;
    expect(client.sessions.map((s: { id: string }) => s.id)).toEqual([a, b]);
    expect(client.lastActiveSessionId).toBe(b);

    client = (await browser.json(`/v1/client/sessions/${a}/touch`, { method: 'POST' })).body.client;
    expect(client.lastActiveSessionId).toBe(a);

    client = (await browser.json(`/v1/client/sessions/${a}/end`, { method: 'POST' })).body.client;
    // the active one ended: none is active until the user chooses (the /choose page)
    expect(client).toMatchObject({ lastActiveSessionId: null, uat: 0 });
    expect(client.sessions.map((s: { id: string }) => s.id)).toEqual([b]);

    client = (await browser.json('/v1/client/sessions', { method: 'DELETE' })).body.client;
    expect(client.sessions).toEqual([]);
  });

  it('gives a new session id when the same user signs in again', async () => {
    const { server } = testServer();
    const browser = new Browser(server);
    const first = (await browser.signUp('same@example.com')).body.sessionId;
    const second = (await browser.signIn('same@example.com')).body;
    expect(second.sessionId).not.toBe(first);
    expect(second.client.sessions).toHaveLength(1);
    expect((await browser.token(first)).status).toBe(404);
  });

  it('refuses a second account when multi-session is off', async () => {
    const { server } = testServer({ multiSession: false });
    const browser = new Browser(server);
    await browser.signUp('one@example.com');
    const second = await browser.signUp('two@example.com');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('session_exists');
  });

  it('replaces the session when multi-session is off and set to replace', async () => {
    const { server } = testServer({ multiSession: false, singleSessionMode: 'replace' });
    const browser = new Browser(server);
    await browser.signUp('one@example.com');
    const second = await browser.signUp('two@example.com');
    expect(second.body.client.sessions.map((s: { user: { email: string } }) => s.user.email)).toEqual([
      'two@example.com',
    ]);
  });

  it('never lets one browser use a session of another', async () => {
    const { server } = testServer();
    const victim = new Browser(server);
    const sessionId = (await victim.signUp('victim@example.com')).body.sessionId;
    const attacker = new Browser(server);
    await attacker.signUp('attacker@example.com');
    expect((await attacker.token(sessionId)).body.error.code).toBe('session_not_found');
    expect((await attacker.json(`/v1/client/sessions/${sessionId}/end`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses a forged client cookie', async () => {
    const { server, names } = testServer();
    const browser = new Browser(server);
    browser.jar.set(names.client, 'forged-token-value');
    expect((await browser.json('/v1/client')).body.client).toBeNull();
  });
});

describe('session lifetime through the API', () => {
  it('ends a session after the inactivity timeout unless tokens are minted', async () => {
    const { server, clock } = testServer({ lifetime: { inactivityTimeout: 600, maximumLifetime: 3600 } });
    const browser = new Browser(server);
    const id = (await browser.signUp('idle@example.com')).body.sessionId;
    clock.advance(500);
    expect((await browser.token(id)).status).toBe(200); // activity at 500
    clock.advance(500);
    expect((await browser.token(id)).status).toBe(200); // 500 s after the last token: alive
    clock.advance(601);
    expect((await browser.token(id)).status).toBe(404);
    const client = (await browser.json('/v1/client')).body.client;
    expect(client).toMatchObject({ sessions: [], lastActiveSessionId: null, uat: 0 });
  });

  it('ends a session at its maximum lifetime however active it is', async () => {
    const { server, clock } = testServer({ lifetime: { inactivityTimeout: 600, maximumLifetime: 1000 } });
    const browser = new Browser(server);
    const id = (await browser.signUp('busy@example.com')).body.sessionId;
    for (let t = 0; t < 9; t++) {
      clock.advance(100);
      expect((await browser.token(id)).status).toBe(200);
    }
    // a token never outlives the session
    clock.advance(50);
    const last = await browser.token(id);
    expect(last.status).toBe(200);
    const { readJwtPayload } = await import('@orbital/core');
    expect(readJwtPayload(last.body.jwt)!.exp).toBe(clock.seconds() + 50);
    clock.advance(51);
    expect((await browser.token(id)).status).toBe(404);
  });
});

describe('custom session-token claims', () => {
  it('fills a template from the user', async () => {
    const { server } = testServer({
      customClaims: { email: '{{user.email}}', greeting: 'Hello {{user.firstName}}', org: { plan: 'pro' } },
    });
    const browser = new Browser(server);
    const id = (await browser.signUp('claims@example.com', 'long enough password', { firstName: 'Grace' })).body
      .sessionId;
    const { readJwtPayload } = await import('@orbital/core');
    expect(readJwtPayload((await browser.token(id)).body.jwt)).toMatchObject({
      email: 'claims@example.com',
      greeting: 'Hello Grace',
      org: { plan: 'pro' },
    });
  });

  it('refuses reserved claims at configuration time', () => {
    expect(() => testServer({ customClaims: { sub: 'someone-else' } })).toThrowError(
      expect.objectContaining({ code: 'claims_invalid' }),
    );
  });

  it('refuses templates that cannot fit in a cookie, at configuration time', () => {
    expect(() => testServer({ customClaims: { blob: 'x'.repeat(4000) } })).toThrowError(
      expect.objectContaining({ code: 'claims_too_large' }),
    );
  });

  it('reports a function whose claims are too large, with a stable code', async () => {
    const { server } = testServer({ customClaims: () => ({ blob: 'x'.repeat(4000) }) });
    const browser = new Browser(server);
    const id = (await browser.signUp('big@example.com')).body.sessionId;
    const result = await browser.token(id);
    expect(result.status).toBe(500);
    expect(result.body.error.code).toBe('claims_too_large');
  });
});

describe('the environment', () => {
  it('tells a browser client what it needs', async () => {
    const { body } = await new Browser(testServer().server).json('/v1/environment');
    expect(body).toMatchObject({
      authServerUrl: URL_BASE,
      mode: 'development',
      multiSession: true,
      tokenTtl: 60,
      signInUrl: `${URL_BASE}/sign-in`,
    });
  });

  it('answers unknown paths and methods with a JSON error', async () => {
    const browser = new Browser(testServer().server);
    expect(await browser.json('/v1/nope')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await browser.json('/v1/environment', { method: 'DELETE' })).toMatchObject({ status: 405 });
  });
});

describe('a session that ended stays ended', () => {
  it('keeps the client cookie until the maximum lifetime, so a token response sets no cookie at all', async () => {
    const { server, clock, names } = testServer({ lifetime: { inactivityTimeout: 100, maximumLifetime: 1000 } });
    const browser = new Browser(server);
    const { response: signUp, body } = await browser.signUp('alive@example.com');
    expect(signUp.headers.getSetCookie().find((l) => l.startsWith(`${names.client}=`))).toMatch(/Max-Age=1000;/);
    clock.advance(60);
    const token = await browser.token(body.sessionId);
    expect(token.status).toBe(200);
    expect(token.response.headers.getSetCookie()).toEqual([]);
  });

  it('mints no token for a session that ended after it was read, before its activity was recorded', async () => {
    const store = createMemoryStore();
    const { server, clock } = testServer({ store, lifetime: { inactivityTimeout: 3600, maximumLifetime: 7200 } });
    const browser = new Browser(server);
    const id = (await browser.signUp('raced@example.com')).body.sessionId as string;
    clock.advance(600); // past the activity write interval: this token records activity
    const touch = store.touchSession.bind(store);
    store.touchSession = async (sessionId, now) => {
      await store.endSessions([sessionId], 'ended', now); // another instance signs out in between
      return touch(sessionId, now);
    };
    const refused = await browser.token(id);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('session_not_found');
  });
});
