import { beforeAll, describe, expect, it } from 'vitest';
import { authenticateRequest, type AuthenticateRequestOptions } from './authenticate-request';
import { cookieNames } from './cookies';
import { createHandshakePayload } from './handshake';
import { HANDSHAKE_PARAM } from './transient-params';
import { createRevocationList } from './revoked-sessions';
import { APP_ORIGIN, AUTH_URL, clock, publishableKey, sessionToken, testKeys } from './test-support';

type Keys = Awaited<ReturnType<typeof testKeys>>;
const names = cookieNames(publishableKey);
const time = clock(Math.floor(Date.now() / 1000));
/** The nonce this browser's handshake redirect left in its guard cookie. */
const NONCE = 'n0nce-of-this-browser-1234';

function request(
  path: string,
  cookies: Record<string, string> = {},
  init: { document?: boolean; method?: string; headers?: Record<string, string> } = {},
) {
  // Arriving from a handshake this browser started: its guard cookie holds the nonce.
  if (path.includes(HANDSHAKE_PARAM) && !(names.handshakeCount in cookies))
    cookies = { ...cookies, [names.handshakeCount]: `1.token_missing.${NONCE}` };
  const headers = new Headers(init.headers);
  headers.set(
    'cookie',
    Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
  );
  if (init.document ?? true) headers.set('sec-fetch-dest', 'document');
  else headers.set('sec-fetch-dest', 'empty');
  return new Request(`${APP_ORIGIN}${path}`, { method: init.method ?? 'GET', headers });
}

function setCookies(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.getSetCookie().map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

describe('authenticateRequest', () => {
  let keys: Keys;
  let options: AuthenticateRequestOptions;

  beforeAll(async () => {
    keys = await testKeys();
    options = { publishableKey, jwtKey: keys.jwtKey, now: time.now };
  });

  const fresh = () => sessionToken(keys.signer, time.seconds());
  const payload = (
    sessionTokenValue: string | null,
    origin = APP_ORIGIN,
    now = time.seconds(),
    nonce: string | undefined = NONCE,
  ) =>
    createHandshakePayload(
      { sessionToken: sessionTokenValue, clientUat: now - 10 },
      { issuer: AUTH_URL, origin, now, nonce },
      keys.signer,
    );

  it('signs in a request with a valid session cookie, without any network call', async () => {
    const state = await authenticateRequest(
      request('/', { [names.session]: await fresh(), [names.clientUat]: String(time.seconds() - 5) }),
      options,
    );
    expect(state.status).toBe('signed-in');
    expect(state.auth).toMatchObject({ isSignedIn: true, userId: 'user_1', sessionId: 'sess_1' });
    expect(await state.auth.getToken()).toMatch(/^ey/);
  });

  it('signs in an API request with a Bearer token, and never redirects one', async () => {
    const ok = await authenticateRequest(
      request('/api', {}, { document: false, headers: { authorization: `Bearer ${await fresh()}` } }),
      options,
    );
    expect(ok.status).toBe('signed-in');
    const old = await authenticateRequest(
      request(
        '/api',
        {},
        { headers: { authorization: `Bearer ${await sessionToken(keys.signer, time.seconds() - 300)}` } },
      ),
      options,
    );
    expect(old).toMatchObject({ status: 'signed-out', reason: 'token_expired' });
  });

  it('refuses a session the auth server has ended, at once, when given a revocation list', async () => {
    const revokedSessions = createRevocationList();
    const withList = { ...options, revokedSessions };
    const cookies = { [names.session]: await fresh(), [names.clientUat]: String(time.seconds() - 5) };
    expect((await authenticateRequest(request('/', cookies), withList)).status).toBe('signed-in');
    revokedSessions.add('sess_1');
    // a page: a handshake, whose answer from the auth server clears the cookies; an API call: signed out
    expect(await authenticateRequest(request('/', cookies), withList)).toMatchObject({
      status: 'handshake',
      reason: 'token_invalid',
    });
    expect(await authenticateRequest(request('/api', cookies, { document: false }), withList)).toMatchObject({
      status: 'signed-out',
      reason: 'token_invalid',
    });
    const bearer = await authenticateRequest(
      request('/api', {}, { document: false, headers: { authorization: `Bearer ${cookies[names.session]}` } }),
      withList,
    );
    expect(bearer).toMatchObject({ status: 'signed-out', message: expect.stringContaining('was ended') });
  });

  it('is signed out with no cookies at all', async () => {
    expect(await authenticateRequest(request('/'), options)).toMatchObject({
      status: 'signed-out',
      reason: 'signed_out',
      auth: { isSignedIn: false, userId: null },
    });
  });

  it('redirects a document request to the handshake when the token expired', async () => {
    const state = await authenticateRequest(
      request('/page?x=1', {
        [names.session]: await sessionToken(keys.signer, time.seconds() - 120),
        [names.clientUat]: '1',
      }),
      options,
    );
    expect(state.status).toBe('handshake');
    if (state.status !== 'handshake') return;
    const location = new URL(state.headers.get('location')!);
    expect(location.href.startsWith(`${AUTH_URL}/v1/handshake?`)).toBe(true);
    expect(location.searchParams.get('redirect_url')).toBe(`${APP_ORIGIN}/page?x=1`);
    const nonce = location.searchParams.get('nonce');
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(setCookies(state.headers)[names.handshakeCount]).toBe(`1.token_expired.${nonce}`);
  });

  it('answers an API request with an expired token as signed-out "token_expired" (the client refreshes)', async () => {
    const state = await authenticateRequest(
      request(
        '/api/data',
        { [names.session]: await sessionToken(keys.signer, time.seconds() - 120), [names.clientUat]: '1' },
        { document: false },
      ),
      options,
    );
    expect(state).toMatchObject({ status: 'signed-out', reason: 'token_expired' });
    expect(state.headers.get('location')).toBeNull();
  });

  it('does not redirect a form POST (its body would be lost)', async () => {
    const state = await authenticateRequest(request('/form', { [names.clientUat]: '1' }, { method: 'POST' }), options);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'token_missing' });
  });

  it('clears a session cookie that outlived a sign-out', async () => {
    const state = await authenticateRequest(
      request('/', { [names.session]: await fresh(), [names.clientUat]: '0' }),
      options,
    );
    expect(state).toMatchObject({ status: 'signed-out', reason: 'client_signed_out' });
    expect(state.headers.getSetCookie().join()).toContain(`${names.session}=;`);
  });

  it('applies a handshake payload into first-party cookies and is signed in', async () => {
    const token = await fresh();
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${await payload(token)}`, { [names.clientUat]: '1' }),
      options,
    );
    expect(state.status).toBe('signed-in');
    const cookies = setCookies(state.headers);
    expect(cookies[names.session]).toBe(token);
    expect(Number(cookies[names.clientUat])).toBeGreaterThan(0);
    const line = state.headers.getSetCookie().find((l) => l.startsWith(names.session))!;
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/); // development on http
  });

  it('applies a signed-out handshake by clearing the session cookie', async () => {
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${await payload(null)}`, { [names.clientUat]: '1' }),
      options,
    );
    expect(state).toMatchObject({ status: 'signed-out', reason: 'signed_out' });
    expect(setCookies(state.headers)[names.session]).toBe('');
  });

  it('refuses a payload bound to another origin, without redirecting again', async () => {
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${await payload(await fresh(), 'https://evil.example.com')}`, {
        [names.clientUat]: '1',
      }),
      options,
    );
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'handshake_failed',
      message: expect.stringContaining('redirect origin not allowed'),
    });
    expect(state.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a tampered payload', async () => {
    const good = await payload(await fresh());
    const tampered = good.slice(0, -3) + (good.endsWith('AAA') ? 'BBB' : 'AAA');
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${tampered}`, { [names.clientUat]: '1' }),
      options,
    );
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'handshake_failed',
      message: expect.stringContaining('keys do not match'),
    });
  });

  it('uses a replayed payload only as far as the cookies agree (a reload keeps the session)', async () => {
    const token = await fresh();
    const url = `/page?${HANDSHAKE_PARAM}=${await payload(token)}`;
    expect((await authenticateRequest(request(url), options)).status).toBe('signed-in');
    // the reload carries the cookies the first response set
    const reload = await authenticateRequest(request(url, { [names.session]: token, [names.clientUat]: '1' }), options);
    expect(reload.status).toBe('signed-in');
    // a replay without the cookies gets nothing from the payload
    const replay = await authenticateRequest(request(url), options);
    expect(replay).toMatchObject({ status: 'signed-out', reason: 'signed_out' });
  });

  it('treats an expired payload (an old link) as absent and strips it from the next handshake', async () => {
    const old = await payload(await fresh(), APP_ORIGIN, time.seconds() - 600);
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${old}`, { [names.clientUat]: '1' }),
      options,
    );
    expect(state.status).toBe('handshake');
    expect(new URL(state.headers.get('location')!).searchParams.get('redirect_url')).toBe(`${APP_ORIGIN}/page`);
  });

  it('reports clock skew when the payload comes from the future', async () => {
    const future = await payload(await fresh(), APP_ORIGIN, time.seconds() + 120);
    const state = await authenticateRequest(
      request(`/page?${HANDSHAKE_PARAM}=${future}`, { [names.clientUat]: '1' }),
      options,
    );
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'handshake_failed',
      message: expect.stringContaining('clock skew'),
    });
  });

  describe('redirect-loop guard', () => {
    it('stops after three handshakes whose cookies never came back, and says cookies are blocked', async () => {
      let jar: Record<string, string> = { [names.clientUat]: '1' };
      const statuses: string[] = [];
      for (let i = 0; i < 6; i++) {
        const state = await authenticateRequest(request('/', jar), options);
        statuses.push(state.status);
        if (state.status !== 'handshake') {
          expect(state).toMatchObject({
            reason: 'handshake_loop',
            message: expect.stringContaining('cookies blocked'),
          });
          break;
        }
        // the browser keeps only the (never Secure) loop-guard cookie: the session cookie is lost
        jar = { ...jar, [names.handshakeCount]: setCookies(state.headers)[names.handshakeCount]! };
      }
      expect(statuses).toEqual(['handshake', 'handshake', 'handshake', 'signed-out']);
    });

    it('blames a refused origin, not blocked cookies, when a satellite’s first-visit sync never comes back', async () => {
      const satellite = { ...options, isSatellite: true, satelliteAutoSync: true, proxyUrl: '/api/auth' };
      let jar: Record<string, string> = {};
      let state = await authenticateRequest(request('/', jar), satellite);
      for (let i = 0; i < 3 && state.status === 'handshake'; i++) {
        // the primary showed its "not allowed" page: only the guard cookie came back
        jar = { [names.handshakeCount]: setCookies(state.headers)[names.handshakeCount]! };
        state = await authenticateRequest(request('/', jar), satellite);
      }
      expect(state).toMatchObject({
        status: 'signed-out',
        reason: 'handshake_loop',
        message: expect.stringContaining('ORBITAL_TRUSTED_ORIGINS'),
      });
    });

    it('names mismatched keys as the cause when tokens never verify', async () => {
      const foreign = await testKeys();
      const bad = await sessionToken(foreign.signer, time.seconds());
      const state = await authenticateRequest(
        request('/', { [names.session]: bad, [names.clientUat]: '1', [names.handshakeCount]: '3.token_kid_unknown' }),
        options,
      );
      expect(state).toMatchObject({
        status: 'signed-out',
        reason: 'handshake_loop',
        message: expect.stringContaining('keys do not match'),
      });
    });

    it('names clock skew as the cause when fresh tokens look expired', async () => {
      const state = await authenticateRequest(
        request('/', {
          [names.session]: await sessionToken(keys.signer, time.seconds() - 600),
          [names.clientUat]: '1',
          [names.handshakeCount]: '3.token_expired',
        }),
        options,
      );
      expect(state.message).toContain('clock skew');
    });

    it('resets once a request is signed in from its cookies', async () => {
      const state = await authenticateRequest(
        request('/', {
          [names.session]: await fresh(),
          [names.clientUat]: '1',
          [names.handshakeCount]: '2.token_missing',
        }),
        options,
      );
      expect(state.status).toBe('signed-in');
      expect(state.headers.getSetCookie().join()).toMatch(new RegExp(`${names.handshakeCount}=; Max-Age=0`));
    });

    it('ignores a garbled counter', async () => {
      const state = await authenticateRequest(
        request('/', { [names.clientUat]: '1', [names.handshakeCount]: '99999;drop' }),
        options,
      );
      expect(state.status).toBe('handshake');
    });
  });

  it('writes Secure cookies in production mode', async () => {
    const { createPublishableKey } = await import('./api-keys');
    const prodKey = createPublishableKey('https://auth.example.com', 'production');
    const prodNames = cookieNames(prodKey);
    const token = await sessionToken(keys.signer, time.seconds(), {
      issuer: 'https://auth.example.com',
      azp: 'https://app.example.com',
    });
    const hs = await createHandshakePayload(
      { sessionToken: token, clientUat: 5 },
      { issuer: 'https://auth.example.com', origin: 'https://app.example.com', now: time.seconds(), nonce: NONCE },
      keys.signer,
    );
    const headers = { 'sec-fetch-dest': 'document', cookie: `${prodNames.handshakeCount}=1.token_missing.${NONCE}` };
    const state = await authenticateRequest(
      new Request(`https://app.example.com/?${HANDSHAKE_PARAM}=${hs}`, { headers }),
      { publishableKey: prodKey, jwtKey: keys.jwtKey, authorizedParties: ['https://app.example.com'], now: time.now },
    );
    expect(state.status).toBe('signed-in');
    const line = state.headers.getSetCookie().find((l) => l.startsWith(prodNames.session))!;
    expect(line).toMatch(/Secure/);
  });
});

describe('publicUrl', () => {
  it('uses the Host the browser sent, and X-Forwarded-* only from a proxy the app trusts', async () => {
    const { publicUrl } = await import('./public-url');
    expect(publicUrl(new Request('http://localhost:3000/a?b=1', { headers: { host: 'primary.test:3000' } })).href).toBe(
      'http://primary.test:3000/a?b=1',
    );
    const proxied = new Request('http://10.0.0.1/x', {
      headers: { 'x-forwarded-host': 'app.example.com', 'x-forwarded-proto': 'https' },
    });
    expect(publicUrl(proxied).href).toBe('http://10.0.0.1/x');
    expect(publicUrl(proxied, { trustProxy: true }).href).toBe('https://app.example.com/x');
    expect(publicUrl(new Request('http://localhost:3000/', { headers: { host: 'evil.com/path?' } })).host).toBe(
      'localhost:3000',
    );
  });

  it('takes the value the trusted proxy appended, not what the client sent before it', async () => {
    const { publicUrl } = await import('./public-url');
    const chain = new Request('http://10.0.0.1/x', {
      headers: { 'x-forwarded-host': 'evil.example.com, app.example.com, lb.internal' },
    });
    expect(publicUrl(chain, { trustProxy: 1 }).host).toBe('lb.internal');
    expect(publicUrl(chain, { trustProxy: 2 }).host).toBe('app.example.com');
  });

  it('answers a host outside the configured origins as the first configured origin', async () => {
    const { publicUrl } = await import('./public-url');
    const forged = new Request('http://localhost:3000/p?q=1', { headers: { host: 'evil.example.com' } });
    expect(publicUrl(forged, { origins: ['https://app.example.com', 'https://www.example.com'] }).href).toBe(
      'https://app.example.com/p?q=1',
    );
    const listed = new Request('http://localhost:3000/p', {
      headers: { host: 'www.example.com', 'x-forwarded-proto': 'https' },
    });
    expect(
      publicUrl(listed, { trustProxy: true, origins: ['https://app.example.com', 'https://www.example.com'] }).href,
    ).toBe('https://www.example.com/p');
  });
});
