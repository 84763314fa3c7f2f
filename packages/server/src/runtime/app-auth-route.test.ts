import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishableKey, createSecretKey, developmentPublishableKey } from '@orbital/core';
import { createAppAuthRoute } from './app-auth-route';
import { serve } from './node';
import { createMemoryStore } from '../store/memory-store';

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
    const app = {
      publishableKey,
      secretKey: createSecretKey('development'),
      signInUrl: '/sign-in',
      signUpUrl: '/sign-up',
    };
    route = (await createAppAuthRoute(app, { store: async () => createMemoryStore(), log: () => {} })).handler;
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
    const satellite = await createAppAuthRoute(
      { publishableKey, isSatellite: true, proxyUrl: '/orbital' },
      { store: noDatabase },
    );
    const response = await satellite.handler(new Request('http://satellite.test/orbital/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('createAppAuthRoute in development with nothing configured', () => {
  it('creates and keeps the database and a secret key under .orbital, and says so in the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbital-zero-config-'));
    const env = { ORBITAL_DATA_DIR: join(dir, '.orbital/data') };
    const logged: string[] = [];
    const publishableKey = developmentPublishableKey({ NODE_ENV: 'development', PORT: '3200' })!;
    const route = await createAppAuthRoute({ publishableKey }, { env, log: (line) => logged.push(line) });
    const secretKey = readFileSync(join(dir, '.orbital/secret-key'), 'utf8').trim();
    expect(secretKey).toMatch(/^sk_test_/);
    expect(statSync(join(dir, '.orbital/secret-key')).mode & 0o777).toBe(0o600);
    const response = await route.handler(new Request('http://localhost:3200/api/auth/v1/environment'));
    expect(response.status).toBe(200);
    expect(logged.join('\n')).toContain('Development auth server at http://localhost:3200/api/auth');
    expect(logged.join('\n')).toContain('orbital-server env');
    await route.close?.();

    // A restart keeps the same instance: the same secret key, the same signing key.
    const again = await createAppAuthRoute({ publishableKey }, { env, log: () => {} });
    expect(readFileSync(join(dir, '.orbital/secret-key'), 'utf8').trim()).toBe(secretKey);
    await again.close?.();
  }, 30_000);

  it('runs a live key’s server in production mode, which refuses to start without a secret key and names the variable', async () => {
    const publishableKey = createPublishableKey('https://app.example.com/api/auth', 'production');
    await expect(
      createAppAuthRoute({ publishableKey }, { store: async () => createMemoryStore(), env: {} }),
    ).rejects.toThrow(/ORBITAL_SECRET_KEY/);
  });
});

describe('createAppAuthRoute answering on another local port than its key names', () => {
  it('says once which setting to fix, and still answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbital-other-port-'));
    const logged: string[] = [];
    const publishableKey = developmentPublishableKey({ NODE_ENV: 'development' })!; // :3000, no PORT given
    const route = await createAppAuthRoute(
      { publishableKey },
      { env: { ORBITAL_DATA_DIR: join(dir, 'data') }, log: (line) => logged.push(line) },
    );
    logged.length = 0;
    await route.handler(new Request('http://127.0.0.1:3000/api/auth/health')); // the same port on another loopback name: fine
    // A forged Host names another machine: not this developer's dev server, so nothing to say about it.
    expect((await route.handler(new Request('http://evil.test:5173/api/auth/health'))).status).toBeLessThan(500);
    expect(logged).toEqual([]);
    for (let i = 0; i < 2; i++)
      expect((await route.handler(new Request('http://localhost:5173/api/auth/health'))).status).toBeLessThan(500);
    expect(logged).toEqual([
      expect.stringContaining(
        'answered at http://localhost:5173, but its development auth server is http://localhost:3000/api/auth: set PORT',
      ),
    ]);
    await route.close?.();
  }, 30_000);
});
