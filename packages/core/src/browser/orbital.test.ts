// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { instanceSuffix } from '../cookies';
import { createPublishableKey } from '../api-keys';
import type { ClientResource } from './resources';
import { Orbital } from './orbital';

const key = createPublishableKey('http://localhost:4000', 'development');

describe('the browser client as seed code uses it', () => {
  it('keeps its methods working when destructured', () => {
    const orbital = new Orbital(key);
    const { buildSignInUrl, buildSignUpUrl, buildUrlWithAuth, getSnapshot } = orbital;
    expect(buildSignInUrl({ redirectUrl: 'http://localhost:3000/dashboard' })).toBe(
      'http://localhost:4000/sign-in?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fdashboard',
    );
    expect(buildSignUpUrl({ redirectUrl: 'http://localhost:3000/' })).toContain('/sign-up?redirect_url=');
    expect(buildUrlWithAuth('http://localhost:4000/user')).toBe('http://localhost:4000/user');
    expect(getSnapshot().isLoaded).toBe(false);
  });

  it('navigates with redirectWithAuth (buildUrlWithAuth only returns the URL), through the app router when given', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ client: null, token: 'dev_browser_token' }, { status: 200 }));
    const orbital = new Orbital(key);
    const navigate = vi.fn();
    await orbital.load({ navigate });
    const { redirectWithAuth } = orbital;
    await redirectWithAuth('http://localhost:4000/user');
    expect(navigate).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/localhost:4000\/user/));
    orbital.destroy();
    vi.unstubAllGlobals();
  });

  it('tells the adapter when another tab changed who is signed in, so it refreshes what the server rendered', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      const sid = /sessions\/(\w+)\/tokens/.exec(String(url))?.[1];
      const jwt = (claims: object) =>
        ['{"alg":"ES256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') +
        '.sig';
      return Response.json(
        sid
          ? { jwt: jwt({ sid, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 }) }
          : { client: null, token: 'dev_browser_token' },
      );
    });
    const orbital = new Orbital(key);
    await orbital.load();
    const refreshes = vi.fn();
    const stop = orbital.onChangedElsewhere(refreshes);
    const otherTab = new BroadcastChannel(`orbital-${instanceSuffix(key)}`);
    const session = (id: string) => ({
      id,
      organization: null,
      memberships: [],
      status: 'active',
      createdAt: 1,
      lastActiveAt: 1,
      expiresAt: 2,
      user: { id: `user_${id}`, email: `${id}@example.com`, firstName: null, lastName: null },
    });
    const client = (active: string): ClientResource => ({
      id: 'client_1',
      lastActiveSessionId: active,
      uat: 1,
      sessions: [session('a'), session('b')] as unknown as ClientResource['sessions'],
    });
    const received = () => new Promise((resolve) => orbital.subscribe(() => resolve(null)));

    let changed = received();
    otherTab.postMessage({ client: client('a') }); // signed in elsewhere
    await changed;
    changed = received();
    otherTab.postMessage({ client: client('b') }); // switched elsewhere
    await changed;
    changed = received();
    otherTab.postMessage({ client: client('b') }); // the same again: nothing to refresh
    await changed;
    await vi.waitFor(() => expect(refreshes).toHaveBeenCalledTimes(2));
    stop();
    otherTab.close();
    orbital.destroy();
    vi.unstubAllGlobals();
  });
});

describe('a browser that blocks cookies', () => {
  it('is told so by signIn and signUp, with a stable code, before anything is sent', async () => {
    const fetch = vi.fn(async () => Response.json({ client: null, token: 'dev_browser_token' }));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    const orbital = new Orbital(key);
    const sent = fetch.mock.calls.length;
    await expect(
      orbital.signIn({ identifier: 'ada@example.com', password: 'correct horse staple 42' }),
    ).rejects.toMatchObject({
      code: 'cookies_blocked',
      message: expect.stringContaining('Allow cookies for this site'),
    });
    await expect(
      orbital.signUp({ email: 'ada@example.com', password: 'correct horse staple 42' }),
    ).rejects.toMatchObject({ code: 'cookies_blocked' });
    expect(fetch.mock.calls.length).toBe(sent);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
});
