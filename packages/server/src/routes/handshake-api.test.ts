import { describe, expect, it } from 'vitest';
import { HANDSHAKE_PARAM, readJwtPayload } from '@orbital/core';
import { authenticateRequest, type AuthenticateRequestOptions } from '@orbital/core/server';
import { APP, Browser, URL_BASE, testServer } from '../../test/harness';

/** The app server's side: a document request carrying the browser's cookies. */
function appRequest(browser: Browser, url: string) {
  return new Request(url, {
    headers: { cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'sec-fetch-dest': 'document' },
  });
}

function absorb(browser: Browser, headers: Headers) {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=') as [string, string];
    if (/Max-Age=0/.test(line) || !value) browser.jar.delete(name);
    else browser.jar.set(name, value);
  }
}

describe('the handshake, app server and auth server together', () => {
  it('turns a signed-in client into a signed-in app request in one round trip', async () => {
    const { server, names } = testServer();
    const options: AuthenticateRequestOptions = { publishableKey: server.publishableKey, jwks: server.jwks };
    const browser = new Browser(server);
    await browser.signUp('hs@example.com');
    expect(Number(browser.jar.get(names.clientUat))).toBeGreaterThan(0);

    // 1. the app sees __client_uat but no session token: handshake
    const first = await authenticateRequest(appRequest(browser, `${APP}/dashboard?tab=2`), options);
    expect(first.status).toBe('handshake');
    absorb(browser, first.headers);
    const location = first.headers.get('location')!;
    expect(location.startsWith(`${URL_BASE}/v1/handshake?`)).toBe(true);

    // 2. the auth server answers with a payload bound to the app origin
    const answer = await browser.fetch(location, { origin: null });
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(`${APP}/dashboard`);
    expect(back.searchParams.get('tab')).toBe('2');
    const payload = readJwtPayload(back.searchParams.get(HANDSHAKE_PARAM)!)!;
    expect(payload).toMatchObject({ typ: 'handshake', aud: APP, iss: URL_BASE });
    expect((payload.exp as number) - (payload.iat as number)).toBeLessThanOrEqual(30);

    // 3. the app applies it: signed in, first-party cookies set
    const second = await authenticateRequest(appRequest(browser, back.href), options);
    expect(second.status).toBe('signed-in');
    absorb(browser, second.headers);
    expect(browser.jar.get(names.session)).toMatch(/^ey/);

    // 4. later requests are signed in from the cookies alone
    const third = await authenticateRequest(appRequest(browser, `${APP}/other`), options);
    expect(third.status).toBe('signed-in');
    expect(third.auth.userId).toBe(second.auth.userId);
  });

  it('answers a signed-out client with a signed-out payload (no loop)', async () => {
    const { server, names } = testServer();
    const options: AuthenticateRequestOptions = { publishableKey: server.publishableKey, jwks: server.jwks };
    const browser = new Browser(server);
    const id = (await browser.signUp('out@example.com')).body.sessionId;
    const stale = browser.jar.get(names.clientUat)!;
    await browser.json(`/v1/client/sessions/${id}/end`, { method: 'POST' });
    browser.jar.set(names.clientUat, stale); // the app domain still has the old value

    const first = await authenticateRequest(appRequest(browser, `${APP}/`), options);
    expect(first.status).toBe('handshake');
    absorb(browser, first.headers);
    const answer = await browser.fetch(first.headers.get('location')!, { origin: null });
    const second = await authenticateRequest(appRequest(browser, answer.headers.get('location')!), options);
    expect(second).toMatchObject({ status: 'signed-out', reason: 'signed_out' });
    absorb(browser, second.headers);
    expect(browser.jar.get(names.clientUat)).toBe('0');
    expect((await authenticateRequest(appRequest(browser, `${APP}/`), options)).status).toBe('signed-out');
  });

  it('refuses to redirect to an origin that is not allowed, and says why', async () => {
    const { server } = testServer({
      mode: 'production',
      url: 'https://auth.example.com',
      secretKey: (await import('@orbital/core')).createSecretKey('production'),
      trustedOrigins: ['https://app.example.com'],
    });
    for (const target of ['https://evil.example.com/', '//evil.example.com', 'javascript:alert(1)', '']) {
      const response = await server.handler(
        new Request(`https://auth.example.com/v1/handshake?redirect_url=${encodeURIComponent(target)}`),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toMatch(/redirect_(origin_not_allowed|url_invalid)/);
    }
    const ok = await server.handler(
      new Request('https://auth.example.com/v1/handshake?redirect_url=https%3A%2F%2Fapp.example.com%2F'),
    );
    expect(ok.status).toBe(303);
  });

  it('publishes keys for verification, and keeps a rotated key until its tokens expired', async () => {
    const { server, clock } = testServer();
    const browser = new Browser(server);
    const id = (await browser.signUp('rot@example.com')).body.sessionId;
    const oldToken = (await browser.token(id)).body.jwt;
    const jwks = await browser.json('/.well-known/jwks.json');
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).not.toHaveProperty('d'); // never the private part
    expect(jwks.response.headers.get('cache-control')).toContain('max-age');

    await server.rotateSigningKey();
    const newToken = (await browser.token(id)).body.jwt;
    const kid = (t: string) => JSON.parse(atob(t.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))).kid;
    expect(kid(newToken)).not.toBe(kid(oldToken));
    expect((await server.jwks()).keys.map((k) => k.kid)).toEqual([kid(oldToken), kid(newToken)]);

    clock.advance(60 + 30 + 61 + 61); // token TTL + handshake TTL + slack, and the keyring's reload interval
    expect((await server.jwks()).keys.map((k) => k.kid)).toEqual([kid(newToken)]);
  });
});

describe('subdomains of the auth server', () => {
  const handshakeOn = async (trustedOrigins: string[]) => {
    const { createSecretKey } = await import('@orbital/core');
    const { server } = testServer({
      mode: 'production',
      url: 'https://example.com/api/auth',
      secretKey: createSecretKey('production'),
      trustedOrigins,
    });
    return (target: string) =>
      server.handler(
        new Request(`https://example.com/api/auth/v1/handshake?redirect_url=${encodeURIComponent(target)}`),
      );
  };

  it('are not trusted implicitly: no payload for attacker.example.com, at any port or depth', async () => {
    const handshake = await handshakeOn([]);
    for (const target of [
      'https://app.example.com/page',
      'https://attacker.example.com:1/',
      'https://a.b.example.com/',
      'https://evil.test%E3%80%82example.com/',
    ]) {
      const response = await handshake(target);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('are trusted through one explicit pattern, with the scheme and port pinned; look-alikes are not', async () => {
    const handshake = await handshakeOn(['https://*.example.com']);
    expect((await handshake('https://app.example.com/page')).status).toBe(303);
    expect((await handshake('https://a.b.example.com/')).status).toBe(303);
    for (const target of [
      'http://app.example.com/',
      'https://app.example.com:8443/',
      'https://evilexample.com/',
      'https://example.com.evil.com/',
      'https://app.example.com.evil.com/',
    ]) {
      expect((await handshake(target)).status).toBe(400);
    }
  });
});
