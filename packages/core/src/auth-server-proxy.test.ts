import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAuthServerProxy } from './auth-server-proxy';

/** A port nothing listens on: what a stopped auth server looks like to the proxy. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the auth-server proxy when the auth server is unreachable', () => {
  it('answers 502 auth_server_unreachable: a page for a person, JSON for the browser client, and tells the developer what to fix', async () => {
    const logged: string[] = [];
    const target = `http://127.0.0.1:${await closedPort()}/api/auth`;
    const proxy = createAuthServerProxy({ proxyPath: '/api/auth', target, log: (m) => logged.push(m) });

    const page = await proxy(
      new Request('https://satellite.example/api/auth/sign-in', { headers: { 'sec-fetch-dest': 'document' } }),
    );
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Sign-in is unavailable');
    expect(html).toContain('auth_server_unreachable');
    expect(html).not.toContain('127.0.0.1'); // the internal address is the developer's to read, in the log

    const api = await proxy(
      new Request('https://satellite.example/api/auth/v1/client', { headers: { 'sec-fetch-dest': 'empty' } }),
    );
    expect(api.status).toBe(502);
    expect(api.headers.get('retry-after')).toBe('5');
    expect(await api.json()).toMatchObject({ error: { code: 'auth_server_unreachable' } });

    expect(logged[0]).toContain(target);
    expect(logged[0]).toContain('ECONNREFUSED');
    expect(logged[0]).toContain('ORBITAL_AUTH_SERVER_INTERNAL_URL');
  });
});
