import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPublishableKey } from './api-keys';
import { createSignInPageCheck } from './sign-in-page-check';

const development = createPublishableKey('http://localhost:3000/api/auth', 'development');
const production = createPublishableKey('https://app.example.com/api/auth', 'production');

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An app on a real port that has only the pages given; returns its origin and the paths asked for. */
async function appWithPages(pages: string[]): Promise<{ origin: string; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((request, response) => {
    asked.push(request.url!);
    response.writeHead(pages.includes(request.url!) ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

describe('the configured sign-in page, in development', () => {
  it('warns once when the page does not exist, naming the setting and the page to create', async () => {
    const { origin, asked } = await appWithPages([]);
    const logged: string[] = [];
    const check = createSignInPageCheck({ publishableKey: development, signInUrl: '/sign-in' }, (m) => logged.push(m));
    await check(origin);
    await check(origin);
    expect(asked).toEqual(['/sign-in']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`ORBITAL_SIGN_IN_URL) is /sign-in, but ${origin}/sign-in answers 404`);
    expect(logged[0]).toContain('app/sign-in/[[...rest]]/page.tsx');
  });

  it('warns when the page exists but is not a catch-all (the account chooser would 404)', async () => {
    const { origin } = await appWithPages(['/sign-in']);
    const logged: string[] = [];
    await createSignInPageCheck({ publishableKey: development, signInUrl: '/sign-in' }, (m) => logged.push(m))(origin);
    expect(logged).toEqual([
      expect.stringContaining(`${origin}/sign-in/choose answers 404: the sign-in page must be a catch-all route`),
    ]);
  });

  it('says nothing when both answer', async () => {
    const { origin } = await appWithPages(['/sign-in', '/sign-in/choose']);
    const logged: string[] = [];
    await createSignInPageCheck({ publishableKey: development, signInUrl: '/sign-in' }, (m) => logged.push(m))(origin);
    expect(logged).toEqual([]);
  });

  it('never probes in production, for the hosted pages, or on a satellite', async () => {
    const { origin, asked } = await appWithPages([]);
    const log = () => expect.unreachable();
    await createSignInPageCheck({ publishableKey: production, signInUrl: '/sign-in' }, log)(origin);
    await createSignInPageCheck({ publishableKey: development }, log)(origin);
    await createSignInPageCheck({ publishableKey: development, signInUrl: '/sign-in', isSatellite: true }, log)(origin);
    expect(asked).toEqual([]);
  });

  it('never probes a host a request named (a forged Host), and still checks the real origin later', async () => {
    const { origin, asked } = await appWithPages([]);
    const fetcher = vi.fn(fetch);
    const logged: string[] = [];
    const check = createSignInPageCheck(
      { publishableKey: development, signInUrl: '/sign-in' },
      (m) => logged.push(m),
      fetcher,
    );
    await check('http://evil.test:80');
    expect(fetcher).not.toHaveBeenCalled();
    await check(origin);
    expect(asked).toEqual(['/sign-in']);
    expect(logged).toHaveLength(1);
  });

  it('probes a non-local origin only when it is configured as the app’s own', async () => {
    const fetcher = vi.fn(async () => new Response(null, { status: 200 }));
    await createSignInPageCheck(
      { publishableKey: development, signInUrl: '/sign-in', authorizedParties: ['https://app.example.com'] },
      () => {},
      fetcher,
    )('https://app.example.com');
    expect(fetcher).toHaveBeenCalledWith('https://app.example.com/sign-in', expect.anything());
  });

  it('stays quiet when the app cannot be reached', async () => {
    const logged: string[] = [];
    await createSignInPageCheck({ publishableKey: development, signInUrl: '/sign-in' }, (m) => logged.push(m))(
      'http://127.0.0.1:9',
    );
    expect(logged).toEqual([]);
  });
});
