import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDSHAKE_PARAM, SYNC_PARAM, createSecretKey } from '@orbital/core';
import {
  COOKIES_BLOCKED_MESSAGE,
  authenticateRequest,
  createRequestPipeline,
  type AuthenticateRequestOptions,
} from '@orbital/core/server';
import type { Server } from 'node:http';
import { serve } from '../runtime/node';
import { Browser, URL_BASE, testServer } from '../../test/harness';
import { createMemoryStore } from '../store/memory-store';

const SATELLITE = 'https://satellite.example';
const secretKey = createSecretKey('development');

describe('satellite sync', () => {
  const { server, names } = testServer({ secretKey, trustedOrigins: [SATELLITE] });
  let http: Server;
  let options: AuthenticateRequestOptions;

  beforeAll(async () => {
    http = await serve(server.handler, { port: 0, hostname: '127.0.0.1' });
    const internal = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    options = {
      publishableKey: server.publishableKey,
      jwks: server.jwks,
      isSatellite: true,
      secretKey,
      authServerInternalUrl: internal,
      proxyUrl: '/api/auth',
    };
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  const visit = (url: string, cookie = '') => new Request(url, { headers: { 'sec-fetch-dest': 'document', cookie } });
  const cookiesOf = (headers: Headers) =>
    Object.fromEntries(headers.getSetCookie().map((l) => l.split(';')[0]!.split('=') as [string, string]));

  it('sends a signed-in primary straight back with a single-use code the satellite redeems', async () => {
    const primary = new Browser(server);
    const userId = (await primary.signUp('sat@example.com')).body.client.sessions[0].user.id;
    const sync = await primary.fetch(`/v1/sync?redirect_url=${encodeURIComponent(`${SATELLITE}/page?x=1`)}`, {
      origin: null,
    });
    expect(sync.status).toBe(303);
    const back = new URL(sync.headers.get('location')!);
    expect(back.origin + back.pathname + '?x=1').toBe(`${SATELLITE}/page?x=1`);
    const code = back.searchParams.get(SYNC_PARAM)!;
    expect(code.length).toBeGreaterThan(30);

    const state = await authenticateRequest(visit(back.href), options);
    expect(state).toMatchObject({ status: 'signed-in', auth: { userId } });
    const set = cookiesOf(state.headers);
    expect(set[names.client]).toBeTruthy(); // the satellite's own client cookie
    expect(set[names.session]).toMatch(/^ey/);
    expect(state.headers.getSetCookie().find((l) => l.startsWith(names.client))).toMatch(/HttpOnly/);

    // the code works once: a replay without cookies gets nothing, and no redirect
    const replay = await authenticateRequest(visit(back.href), options);
    expect(replay).toMatchObject({
      status: 'signed-out',
      reason: 'sync_failed',
      message: expect.stringContaining('sync_code_invalid'),
    });
    // a reload that carries the new cookies stays signed in
    const reload = await authenticateRequest(
      visit(back.href, `${names.session}=${set[names.session]}; ${names.clientUat}=${set[names.clientUat]}`),
      options,
    );
    expect(reload.status).toBe('signed-in');

    // the satellite's client token is the same client: signing out there ends the primary session too
    const satellite = new Browser(server, SATELLITE);
    satellite.jar.set(names.client, set[names.client]!);
    await satellite.json('/v1/client/sessions', { method: 'DELETE' });
    expect((await primary.json('/v1/client')).body.client.sessions).toEqual([]);
  });

  it('refuses a code redeemed for another origin', async () => {
    const primary = new Browser(server);
    await primary.signUp('foreign@example.com');
    const back = new URL(
      (
        await primary.fetch(`/v1/sync?redirect_url=${encodeURIComponent(`${SATELLITE}/`)}`, { origin: null })
      ).headers.get('location')!,
    );
    const code = back.searchParams.get(SYNC_PARAM)!;
    const state = await authenticateRequest(visit(`https://other.example/?${SYNC_PARAM}=${code}`), { ...options });
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'sync_failed',
      message: expect.stringContaining('sync_code_origin_mismatch'),
    });
  });

  it('refuses a made-up code', async () => {
    const state = await authenticateRequest(visit(`${SATELLITE}/?${SYNC_PARAM}=forged-code-value`), options);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'sync_failed' });
    expect(state.headers.get('location')).toBeNull();
  });

  it('sends a signed-out visitor to the primary sign-in page, coming back through sync', async () => {
    const visitor = new Browser(server);
    const response = await visitor.fetch(`/v1/sync?redirect_url=${encodeURIComponent(`${SATELLITE}/page`)}`, {
      origin: null,
    });
    const signIn = new URL(response.headers.get('location')!);
    expect(signIn.href.startsWith(`${URL_BASE}/sign-in?`)).toBe(true);
    expect(signIn.searchParams.get('redirect_url')).toBe(
      `${URL_BASE}/v1/sync?redirect_url=${encodeURIComponent(`${SATELLITE}/page`)}`,
    );
  });

  it('auto-sync: answers a signed "signed out", which the satellite remembers instead of asking again', async () => {
    const auto = { ...options, satelliteAutoSync: true };
    const first = await authenticateRequest(visit(`${SATELLITE}/page`), auto);
    expect(first.status).toBe('handshake');
    const location = new URL(first.headers.get('location')!);
    expect(location.pathname).toBe('/v1/sync');
    expect(location.searchParams.get('auto')).toBe('1');
    const guard = first.headers
      .getSetCookie()
      .find((line) => line.startsWith(names.handshakeCount))!
      .split(';')[0]!;

    const answer = await new Browser(server).fetch(location.pathname + location.search, { origin: null });
    const back = answer.headers.get('location')!;
    expect(new URL(back).searchParams.get(SYNC_PARAM)).toBeNull();
    expect(new URL(back).searchParams.get(HANDSHAKE_PARAM)).toMatch(/^ey/);
    // Only the browser that asked can use it: elsewhere (no nonce cookie) it changes nothing.
    expect(await authenticateRequest(visit(back, `${names.clientUat}=5`), auto)).toMatchObject({
      status: 'signed-out',
      reason: 'cookies_blocked',
    });
    const second = await authenticateRequest(visit(back, guard), auto);
    expect(second).toMatchObject({ status: 'signed-out', reason: 'signed_out' });
    const uat = cookiesOf(second.headers)[names.clientUat];
    expect(uat).toBe('0');
    const third = await authenticateRequest(visit(`${SATELLITE}/other`, `${names.clientUat}=0`), auto);
    expect(third.status).toBe('signed-out');
  });

  it('handshakes a satellite through its own proxy path, first-party', async () => {
    const state = await authenticateRequest(visit(`${SATELLITE}/page`, `${names.clientUat}=5`), options);
    expect(state.status).toBe('handshake');
    expect(state.headers.get('location')!.startsWith(`${SATELLITE}/api/auth/v1/handshake?`)).toBe(true);
  });

  it('refuses to sync with a site that is not allowed', async () => {
    const response = await new Browser(server).fetch(
      `/v1/sync?redirect_url=${encodeURIComponent('https://evil.example/')}`,
      { origin: null },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('auto-sync with a satellite that keeps no cookies: two codes, then "signed out" at no cost; the satellite says why, once an hour per browser', async () => {
    const store = createMemoryStore();
    const writes = { codes: 0, redeemed: 0 };
    const { createSyncCode, consumeSyncCode } = store;
    Object.assign(store, {
      createSyncCode: (...args: Parameters<typeof createSyncCode>) => (writes.codes++, createSyncCode(...args)),
      consumeSyncCode: (...args: Parameters<typeof consumeSyncCode>) => (writes.redeemed++, consumeSyncCode(...args)),
    });
    const blocked = testServer({ secretKey, trustedOrigins: [SATELLITE], store }).server;
    const primary = new Browser(blocked);
    await primary.signUp('no-cookies@example.com');
    const logged: string[] = [];
    const pipeline = createRequestPipeline(
      {
        publishableKey: blocked.publishableKey,
        jwtKey: JSON.stringify(await blocked.jwks()),
        secretKey,
        isSatellite: true,
        satelliteAutoSync: true,
        authorizedParties: [SATELLITE],
      },
      (m) => logged.push(m),
    );
    const answers: string[] = [];
    for (let visit = 0; visit < 4; visit++) {
      // Every visit arrives without cookies: the ones set on the last one were never kept.
      const leave = await pipeline.handle(
        new Request(`${SATELLITE}/page`, { headers: { 'sec-fetch-dest': 'document', 'user-agent': 'Blocker/1' } }),
      );
      expect(leave.action).toBe('respond');
      const sync = new URL((leave as { response: Response }).response.headers.get('location')!);
      const back = new URL(
        (await primary.fetch(sync.pathname + sync.search, { origin: null })).headers.get('location')!,
      );
      answers.push(
        back.searchParams.has(SYNC_PARAM) ? 'code' : back.searchParams.has(HANDSHAKE_PARAM) ? 'signed-out' : 'other',
      );
      const arrived = await pipeline.handle(
        new Request(back, { headers: { 'sec-fetch-dest': 'document', 'user-agent': 'Blocker/1' } }),
      );
      expect(arrived).toMatchObject({ action: 'continue', state: { status: 'signed-out', reason: 'cookies_blocked' } });
    }
    expect(answers).toEqual(['code', 'code', 'signed-out', 'signed-out']);
    expect(writes).toEqual({ codes: 2, redeemed: 0 }); // no client token is added for a satellite that cannot keep it
    expect(logged).toEqual([COOKIES_BLOCKED_MESSAGE]);
  });

  it('redeems an automatic sync code only in the browser whose nonce it carries', async () => {
    const primary = new Browser(server);
    await primary.signUp('victim-of-a-link@example.com');
    const auto = { ...options, satelliteAutoSync: true };
    const leave = await authenticateRequest(visit(`${SATELLITE}/page`), auto);
    const sync = new URL(leave.headers.get('location')!);
    const back = (await primary.fetch(sync.pathname + sync.search, { origin: null })).headers.get('location')!;
    // Someone else's browser, with a guard cookie of its own (another nonce), follows the link.
    const other = await authenticateRequest(visit(`${SATELLITE}/page`), auto);
    const otherGuard = other.headers
      .getSetCookie()
      .find((line) => line.startsWith(names.handshakeCount))!
      .split(';')[0]!;
    expect(await authenticateRequest(visit(back, otherGuard), auto)).toMatchObject({
      status: 'signed-out',
      reason: 'sync_failed',
      message: expect.stringContaining('not requested by this browser'),
    });
    const guard = leave.headers
      .getSetCookie()
      .find((line) => line.startsWith(names.handshakeCount))!
      .split(';')[0]!;
    expect(await authenticateRequest(visit(back, guard), auto)).toMatchObject({ status: 'signed-in' });
  });
});
