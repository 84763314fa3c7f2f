import { describe, expect, it } from 'vitest';
import { isAuthServerRequest, mountAuthServer } from './auth-server-route';
import { createPublishableKey } from './api-keys';

describe('isAuthServerRequest', () => {
  const hosted = { publishableKey: createPublishableKey('http://localhost:3000/api/auth', 'development') };

  it('is true under the auth server path when the app hosts it', () => {
    expect(isAuthServerRequest(new URL('http://localhost:3000/api/auth/v1/client'), hosted)).toBe(true);
    expect(isAuthServerRequest(new URL('http://localhost:3000/api/auth'), hosted)).toBe(true);
  });

  it('is false for the app’s own pages, look-alike paths and other hosts', () => {
    expect(isAuthServerRequest(new URL('http://localhost:3000/dashboard'), hosted)).toBe(false);
    expect(isAuthServerRequest(new URL('http://localhost:3000/api/authors'), hosted)).toBe(false);
    expect(isAuthServerRequest(new URL('http://127.0.0.1:3001/api/auth/v1/client'), hosted)).toBe(false);
  });

  it('is true under a satellite’s relative proxy path on its own host', () => {
    const satellite = { ...hosted, proxyUrl: '/api/auth' };
    expect(isAuthServerRequest(new URL('http://127.0.0.1:3001/api/auth/v1/handshake'), satellite)).toBe(true);
    expect(isAuthServerRequest(new URL('http://127.0.0.1:3001/'), satellite)).toBe(false);
  });

  it('never matches everything when the auth server sits at an origin’s root', () => {
    const root = { publishableKey: createPublishableKey('http://localhost:4000', 'development') };
    expect(isAuthServerRequest(new URL('http://localhost:4000/anything'), root)).toBe(false);
  });
});

describe('mountAuthServer', () => {
  it('creates the server once, on the first request', async () => {
    let created = 0;
    const handle = mountAuthServer(() => {
      created += 1;
      return { handler: async (request: Request) => new Response(new URL(request.url).pathname) };
    });
    expect(created).toBe(0);
    expect(await (await handle(new Request('http://x.test/a'))).text()).toBe('/a');
    await handle(new Request('http://x.test/b'));
    expect(created).toBe(1);
  });

  it('tries again after a failed start instead of failing forever', async () => {
    let attempts = 0;
    const handle = mountAuthServer(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database not up yet');
      return { handler: async () => new Response('ok') };
    });
    await expect(handle(new Request('http://x.test/'))).rejects.toThrow('database not up yet');
    expect(await (await handle(new Request('http://x.test/'))).text()).toBe('ok');
    expect(attempts).toBe(2);
  });
});
