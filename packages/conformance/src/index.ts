import { beforeAll, describe, expect, it } from 'vitest';
import { HANDSHAKE_PARAM, SYNC_PARAM, cookieNames, createPublishableKey, type OrbitalOptions } from '@orbital/core';
import {
  createHandshakePayload,
  createMemoryReplayGuard,
  generateSigningKeyPair,
  importSigningKey,
  signSessionToken,
  type Auth,
  type ReplayGuard,
  type SigningKey,
} from '@orbital/core/server';

/** What came out of the framework for one request. */
export interface Exchange {
  /** The response the framework sends. */
  response: Response;
  /** The auth the route saw; null when the adapter passed the request through untouched. */
  auth: Auth | null;
}

/** One app built with the adapter: its own middleware instance and options. */
export interface AdapterApp {
  /**
   * Sends `request` through the adapter's middleware to a route that reads the auth the
   * framework's way; with `protect`, the route protects itself the framework's way.
   */
  request(request: Request, route?: { protect?: boolean }): Promise<Exchange>;
}

/** How one framework adapter is driven in-process. */
export interface AdapterDriver {
  app(options: OrbitalOptions): AdapterApp;
  /** The framework's server-side page guard, run with no middleware verdict: must throw. */
  guardWithoutMiddleware(): Promise<unknown> | unknown;
  /** How a 401 from a protected route carries Orbital's error: core's JSON body, or the framework's own 401 page. */
  unauthorizedBody: 'json' | 'framework';
}

const APP = 'http://app.test';
const AUTH = `${APP}/api/auth`;
const OTHER = 'http://app.test:4311';
const publishableKey = createPublishableKey(AUTH, 'development');
const names = cookieNames(publishableKey);
const NONCE = 'nonce-of-this-browser-0001';

const page = (path: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  new Request(`${APP}${path}`, {
    headers: {
      'sec-fetch-dest': 'document',
      accept: 'text/html',
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      ...headers,
    },
  });
const api = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${APP}${path}`, { headers: { 'sec-fetch-dest': 'empty', accept: 'application/json', ...headers } });
const setCookies = (response: Response) => response.headers.getSetCookie();

/**
 * The table every server adapter passes: forwarded headers with and without trust, the auth
 * server's own path, protect on a page and on an API request, handshake headers, transient
 * parameters, a crafted "signed out" link, a missing verdict in a guard, two authorized parties
 * and a payload replayed on a second instance.
 */
export function runAdapterConformance(name: string, driver: AdapterDriver): void {
  describe(`${name} conforms to core's request pipeline`, () => {
    let signer: SigningKey;
    let options: OrbitalOptions;
    const now = () => Math.floor(Date.now() / 1000);
    const token = (azp = APP) =>
      signSessionToken(
        { userId: 'user_1', sessionId: 'sess_1', issuer: AUTH, authorizedParty: azp, now: now() },
        signer,
      );
    const signedInCookies = async (azp = APP) => ({
      [names.session]: await token(azp),
      [names.clientUat]: String(now() - 30),
    });

    beforeAll(async () => {
      const pair = await generateSigningKeyPair('ES256');
      signer = await importSigningKey(pair.privateJwk);
      options = { publishableKey, jwtKey: JSON.stringify({ keys: [pair.publicJwk] }), signInUrl: '/sign-in' };
    });

    it('signs the route in from a valid session cookie', async () => {
      const { auth } = await driver.app(options).request(page('/', await signedInCookies()));
      expect(auth).toMatchObject({ isSignedIn: true, userId: 'user_1' });
    });

    it('ignores X-Forwarded-Host unless the proxy is trusted: another site’s token stays refused', async () => {
      const forged = await driver.app(options).request(
        api('/api/me', {
          authorization: `Bearer ${await token('http://evil.test')}`,
          'x-forwarded-host': 'evil.test',
        }),
      );
      expect(forged.auth).toMatchObject({ isSignedIn: false });
    });

    it('honours X-Forwarded-Host and -Proto from a trusted proxy', async () => {
      const proxied = api('/api/me', {
        authorization: `Bearer ${await token('https://app.example.com')}`,
        'x-forwarded-host': 'app.example.com',
        'x-forwarded-proto': 'https',
      });
      expect((await driver.app({ ...options, trustProxy: true }).request(proxied)).auth).toMatchObject({
        isSignedIn: true,
      });
    });

    it('passes requests for the auth server through untouched, whatever the matcher', async () => {
      const { response, auth } = await driver
        .app(options)
        .request(page('/api/auth/v1/client', { [names.clientUat]: '5' }), { protect: true });
      expect(auth).toBeNull();
      expect(response.headers.get('location')).toBeNull();
      expect(setCookies(response)).toEqual([]);
    });

    it('protects a page with a redirect to sign-in and back, without the spent handshake parameter', async () => {
      const { response } = await driver
        .app(options)
        .request(page(`/dashboard?tab=1&${HANDSHAKE_PARAM}=garbage`), { protect: true });
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location')!, APP);
      expect(location.pathname).toBe('/sign-in');
      expect(location.searchParams.get('redirect_url')).toBe(`${APP}/dashboard?tab=1`);
    });

    it('protects an API request with 401, never a redirect', async () => {
      const { response } = await driver.app(options).request(api('/api/me'), { protect: true });
      expect(response.status).toBe(401);
      expect(response.headers.get('location')).toBeNull();
      if (driver.unauthorizedBody === 'json')
        expect(JSON.stringify(await response.json())).toContain('"code":"unauthorized"');
    });

    it('answers a stale page with core’s handshake redirect: no-store, nonce and guard cookie', async () => {
      const { response, auth } = await driver.app(options).request(page('/dashboard', { [names.clientUat]: '5' }));
      expect(auth).toBeNull();
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location')!);
      expect(location.href.startsWith(`${AUTH}/v1/handshake?`)).toBe(true);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(setCookies(response).join()).toContain(
        `${names.handshakeCount}=1.token_missing.${location.searchParams.get('nonce')}`,
      );
    });

    it('lets a crafted "signed out" sync link change nothing', async () => {
      const { response, auth } = await driver
        .app({ ...options, isSatellite: true, proxyUrl: '/api/auth' })
        .request(page(`/?${SYNC_PARAM}=signed-out`, await signedInCookies()));
      expect(auth).toMatchObject({ isSignedIn: true });
      expect(
        setCookies(response).filter((line) => line.startsWith(names.session) || line.startsWith(names.clientUat)),
      ).toEqual([]);
    });

    it('answers every request of a misconfigured app with a page naming the cause, not a crash or a bare 500', async () => {
      const app = driver.app({ ...options, publishableKey: 'pk_test_nonsense' });
      for (const request of [page('/'), page('/dashboard')]) {
        const { response, auth } = await app.request(request, { protect: true });
        expect(auth).toBeNull();
        expect(response.status).toBe(500);
        const body = await response.text();
        expect(body).toContain('publishable_key_invalid');
        expect(body).toContain('is not a valid Orbital publishable key'); // not production: the cause itself
      }
    });

    it('refuses to guard a page without the middleware’s verdict (fails closed)', async () => {
      await expect(Promise.resolve().then(() => driver.guardWithoutMiddleware())).rejects.toMatchObject({
        code: 'middleware_missing',
      });
    });

    it('accepts the tokens of a second app on the same host when both are authorized parties', async () => {
      const cookies = await signedInCookies(OTHER);
      expect(
        (await driver.app(options).request(api('/api/me', { cookie: `${names.session}=${cookies[names.session]}` })))
          .auth,
      ).toMatchObject({ isSignedIn: false });
      const both = driver.app({ ...options, authorizedParties: [APP, OTHER] });
      expect(
        (await both.request(api('/api/me', { cookie: `${names.session}=${cookies[names.session]}` }))).auth,
      ).toMatchObject({ isSignedIn: true });
    });

    it('applies a handshake payload on one instance only when the instances share a replay guard', async () => {
      const replayGuard: ReplayGuard = createMemoryReplayGuard();
      const payload = await createHandshakePayload(
        { sessionToken: await token(), clientUat: now() - 5 },
        { issuer: AUTH, origin: APP, now: now(), nonce: NONCE },
        signer,
      );
      const arrival = () =>
        page(`/?${HANDSHAKE_PARAM}=${payload}`, { [names.handshakeCount]: `1.token_missing.${NONCE}` });
      const first = await driver.app({ ...options, replayGuard }).request(arrival());
      expect(first.auth).toMatchObject({ isSignedIn: true });
      expect(setCookies(first.response).some((line) => line.startsWith(`${names.session}=ey`))).toBe(true);
      const second = await driver.app({ ...options, replayGuard }).request(arrival());
      expect(second.auth).toMatchObject({ isSignedIn: false });
      expect(setCookies(second.response).some((line) => line.startsWith(`${names.session}=ey`))).toBe(false);
    });
  });
}
