import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishableKey, createSecretKey } from '@orbital/core';
import { createAppAuthRoute } from './app-auth-route';
import { serve } from './node';
import { createMemoryStore } from './store/memory-store';

describe('createAppAuthRoute (the auth route of an app that hosts Orbital)', () => {
  let primary: Awaited<ReturnType<typeof serve>>;
  let authServerUrl: string;
  let publishableKey: string;

  beforeAll(async () => {
    // The primary app on a real port, hosting the auth server at /api/auth.
    let route: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
    primary = await serve((request) => route(request), { port: 0, hostname: '127.0.0.1' });
    authServerUrl = `http://127.0.0.1:${(primary.address() as AddressInfo).port}/api/auth`;
    publishableKey = createPublishableKey(authServerUrl, 'development');
    const app = { publishableKey, secretKey: createSecretKey('development'), signInUrl: '/sign-in', signUpUrl: '/sign-up' };
    route = (await createAppAuthRoute(app, { store: async () => createMemoryStore() })).handler;
  });
  afterAll(() => new Promise<void>((resolve) => primary.close(() => resolve())));

  it('on the primary runs the auth server at the key’s URL, sending people to the app’s own sign-in page', async () => {
    const response = await fetch(`${authServerUrl}/`, { redirect: 'manual' });
    expect(response.headers.get('location')).toBe(`${new URL(authServerUrl).origin}/sign-in`);
    expect((await fetch(`${authServerUrl}/health`)).status).toBe(200);
  });

  it('on a satellite forwards to the primary’s auth server under its proxy path and opens no database', async () => {
    const noDatabase = () => {
      throw new Error('a satellite must not open a database');
    };
    const satellite = await createAppAuthRoute({ publishableKey, isSatellite: true, proxyUrl: '/orbital' }, { store: noDatabase });
    const response = await satellite.handler(new Request('http://satellite.test/orbital/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
