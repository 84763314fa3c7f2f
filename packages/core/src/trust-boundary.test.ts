import { beforeAll, describe, expect, it } from 'vitest';
import { authenticateRequest, type AuthenticateRequestOptions } from './authenticate-request';
import { cookieNames } from './cookies';
import { createHandshakePayload, createMemoryReplayGuard } from './handshake';
import { createPublishableKey } from './api-keys';
import { resolveOptions } from './options';
import { HANDSHAKE_PARAM, SYNC_PARAM } from './transient-params';
import { APP_ORIGIN, AUTH_URL, clock, publishableKey, sessionToken, testKeys } from './test-support';

/**
 * What an attacker controls on an app server's request — headers, URL parameters, cookies of
 * their own — decides nothing about whose session it is. Each case is a trick that used to work.
 */
const names = cookieNames(publishableKey);
const time = clock(Math.floor(Date.now() / 1000));
const EVIL = 'http://evil.example.com';
const NONCE = 'the-nonce-this-browser-holds';

type Keys = Awaited<ReturnType<typeof testKeys>>;

function page(path: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return new Request(`${APP_ORIGIN}${path}`, { headers: { 'sec-fetch-dest': 'document', cookie, ...headers } });
}

const api = (token: string, headers: Record<string, string> = {}) =>
  new Request(`${APP_ORIGIN}/api/me`, {
    headers: { authorization: `Bearer ${token}`, 'sec-fetch-dest': 'empty', ...headers },
  });

describe('the trust boundary of an app server', () => {
  let keys: Keys;
  let options: AuthenticateRequestOptions;
  beforeAll(async () => {
    keys = await testKeys();
    options = { publishableKey, jwtKey: keys.jwtKey, now: time.now };
  });
  const handshake = (token: string | null, origin = APP_ORIGIN, nonce: string | undefined = NONCE) =>
    createHandshakePayload(
      { sessionToken: token, clientUat: time.seconds() - 10 },
      { issuer: AUTH_URL, origin, now: time.seconds(), nonce },
      keys.signer,
    );

  describe('forwarded headers', () => {
    it('cannot make the app accept a token minted for another site', async () => {
      const theirs = await sessionToken(keys.signer, time.seconds(), { azp: EVIL });
      const state = await authenticateRequest(api(theirs, { 'x-forwarded-host': 'evil.example.com' }), options);
      expect(state).toMatchObject({
        status: 'signed-out',
        reason: 'token_invalid',
        message: expect.stringContaining('authorizedParties'),
      });
      expect(state.url).toBe(`${APP_ORIGIN}/api/me`);
    });

    it('cannot make the app apply a handshake payload meant for another site', async () => {
      const forged = await handshake(await sessionToken(keys.signer, time.seconds(), { azp: EVIL }), EVIL);
      const state = await authenticateRequest(
        page(
          `/?${HANDSHAKE_PARAM}=${forged}`,
          { [names.handshakeCount]: `1.token_missing.${NONCE}` },
          { 'x-forwarded-host': 'evil.example.com' },
        ),
        options,
      );
      expect(state).toMatchObject({ status: 'signed-out', reason: 'handshake_failed' });
      expect(state.headers.getSetCookie().some((line) => line.startsWith(names.session))).toBe(false);
    });

    it('count when the app trusts its proxy, taking the value that proxy appended', async () => {
      const trusted = { ...options, trustProxy: 1 };
      const token = await sessionToken(keys.signer, time.seconds(), { azp: 'https://app.example.com' });
      const state = await authenticateRequest(
        api(token, { 'x-forwarded-host': 'evil.example.com, app.example.com', 'x-forwarded-proto': 'https' }),
        trusted,
      );
      expect(state).toMatchObject({ status: 'signed-in', url: 'https://app.example.com/api/me' });
    });

    it('never move a handshake redirect to the forged host', async () => {
      const state = await authenticateRequest(
        page('/dashboard', { [names.clientUat]: '1' }, { 'x-forwarded-host': 'evil.example.com' }),
        options,
      );
      expect(state.status).toBe('handshake');
      if (state.status !== 'handshake') return;
      expect(new URL(state.redirectUrl).searchParams.get('redirect_url')).toBe(`${APP_ORIGIN}/dashboard`);
    });
  });

  describe('tokens', () => {
    it('are refused without an authorized party (azp)', async () => {
      const { signSessionToken } = await import('./session-token');
      const anonymous = await signSessionToken(
        { userId: 'user_1', sessionId: 'sess_1', issuer: AUTH_URL, now: time.seconds() },
        keys.signer,
      );
      expect(await authenticateRequest(api(anonymous), options)).toMatchObject({
        status: 'signed-out',
        reason: 'token_invalid',
        message: expect.stringContaining('no authorized party'),
      });
    });

    it('from a second app of the instance on the same host are accepted when both are listed, and the refusal names the option otherwise', async () => {
      const other = 'http://localhost:4311';
      const fromOther = await sessionToken(keys.signer, time.seconds(), { azp: other });
      expect(
        (await authenticateRequest(api(fromOther), { ...options, authorizedParties: [APP_ORIGIN, other] })).status,
      ).toBe('signed-in');
      expect(await authenticateRequest(api(fromOther), options)).toMatchObject({
        status: 'signed-out',
        message: expect.stringContaining('ORBITAL_AUTHORIZED_PARTIES'),
      });
    });
  });

  describe('answers the browser did not ask for', () => {
    it('a handshake payload for the attacker’s own session, sent as a link, signs nobody in', async () => {
      const attackers = await handshake(
        await sessionToken(keys.signer, time.seconds()),
        APP_ORIGIN,
        'the-attackers-own-nonce-123',
      );
      // A victim in the middle of a handshake of their own (another nonce in their guard cookie)…
      const state = await authenticateRequest(
        page(`/?${HANDSHAKE_PARAM}=${attackers}`, { [names.handshakeCount]: `1.token_missing.${NONCE}` }),
        options,
      );
      expect(state).toMatchObject({
        status: 'signed-out',
        reason: 'handshake_failed',
        message: expect.stringContaining('handshake_nonce_mismatch'),
      });
      expect(state.headers.getSetCookie()).toEqual([]);
      // …or with no guard cookie at all, which is also what a site that keeps no cookies looks like.
      const fresh = await authenticateRequest(page(`/?${HANDSHAKE_PARAM}=${attackers}`), options);
      expect(fresh).toMatchObject({ status: 'signed-out', reason: 'cookies_blocked' });
      expect(fresh.headers.getSetCookie()).toEqual([]);
    });

    it('a "signed out" sync link changes nothing', async () => {
      const token = await sessionToken(keys.signer, time.seconds());
      const cookies = { [names.session]: token, [names.clientUat]: String(time.seconds() - 20) };
      const state = await authenticateRequest(page(`/?${SYNC_PARAM}=signed-out`, cookies), {
        ...options,
        isSatellite: true,
        proxyUrl: '/api/auth',
      });
      expect(state.status).toBe('signed-in');
      expect(state.headers.getSetCookie()).toEqual([]);
    });

    it('a payload applied on one instance is refused on a second that shares the replay guard', async () => {
      const replayGuard = createMemoryReplayGuard(time.now);
      const url = `/?${HANDSHAKE_PARAM}=${await handshake(await sessionToken(keys.signer, time.seconds()))}`;
      const guard = { [names.handshakeCount]: `1.token_missing.${NONCE}` };
      expect((await authenticateRequest(page(url, guard), { ...options, replayGuard })).status).toBe('signed-in');
      const second = { ...options, replayGuard };
      expect(await authenticateRequest(page(url, guard), second)).toMatchObject({ status: 'signed-out' });
    });
  });

  describe('configuration', () => {
    it('refuses a clock skew that is not a number instead of switching expiry checks off', async () => {
      const expired = await sessionToken(keys.signer, time.seconds() - 600);
      await expect(authenticateRequest(api(expired), { ...options, clockSkew: Number('abc') })).rejects.toMatchObject({
        code: 'configuration_invalid',
      });
      expect(() =>
        resolveOptions({ ORBITAL_PUBLISHABLE_KEY: publishableKey, ORBITAL_CLOCK_SKEW: 'abc' }, 'VITE_'),
      ).toThrow(
        expect.objectContaining({
          code: 'configuration_invalid',
          message: expect.stringContaining('ORBITAL_CLOCK_SKEW'),
        }),
      );
    });

    it('names the variable for malformed flags, URLs and origins', () => {
      const env = { VITE_ORBITAL_PUBLISHABLE_KEY: publishableKey };
      expect(() => resolveOptions({ ...env, VITE_ORBITAL_IS_SATELLITE: 'yes please' }, 'VITE_')).toThrow(
        expect.objectContaining({ message: expect.stringContaining('VITE_ORBITAL_IS_SATELLITE') }),
      );
      expect(() => resolveOptions({ ...env, ORBITAL_AUTH_SERVER_INTERNAL_URL: 'localhost:3000' }, 'VITE_')).toThrow(
        expect.objectContaining({ message: expect.stringContaining('ORBITAL_AUTH_SERVER_INTERNAL_URL') }),
      );
      expect(() =>
        resolveOptions({ ...env, ORBITAL_AUTHORIZED_PARTIES: 'https://app.example.com/path' }, 'VITE_'),
      ).toThrow(expect.objectContaining({ message: expect.stringContaining('ORBITAL_AUTHORIZED_PARTIES') }));
      expect(() => resolveOptions({ ...env, ORBITAL_TRUST_PROXY: 'maybe' }, 'VITE_')).toThrow(
        expect.objectContaining({ message: expect.stringContaining('ORBITAL_TRUST_PROXY') }),
      );
      expect(resolveOptions({ ...env, ORBITAL_TRUST_PROXY: '2', ORBITAL_CLOCK_SKEW: '10' }, 'VITE_')).toMatchObject({
        trustProxy: 2,
        clockSkew: 10,
      });
    });

    it('in production accepts tokens for the auth server’s own origin unless told the app’s origins', async () => {
      const prodKey = createPublishableKey('https://example.com/api/auth', 'production');
      const prod = { publishableKey: prodKey, jwtKey: keys.jwtKey, now: time.now };
      const request = (azp: string, host: string) =>
        new Request(`https://${host}/api`, { headers: { authorization: `Bearer ${'x'}`.replace('x', azp) } });
      const own = await sessionToken(keys.signer, time.seconds(), {
        issuer: 'https://example.com/api/auth',
        azp: 'https://example.com',
      });
      expect((await authenticateRequest(request(own, 'example.com'), prod)).status).toBe('signed-in');
      const app = await sessionToken(keys.signer, time.seconds(), {
        issuer: 'https://example.com/api/auth',
        azp: 'https://app.example.com',
      });
      expect((await authenticateRequest(request(app, 'app.example.com'), prod)).status).toBe('signed-out');
      expect(
        (
          await authenticateRequest(request(app, 'app.example.com'), {
            ...prod,
            authorizedParties: ['https://app.example.com'],
          })
        ).status,
      ).toBe('signed-in');
      await expect(
        authenticateRequest(request(app, 'app.example.com'), { ...prod, isSatellite: true }),
      ).rejects.toMatchObject({ message: expect.stringContaining('ORBITAL_AUTHORIZED_PARTIES') });
    });
  });
});
