// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createPublishableKey } from '../keys';
import { Orbital } from './orbital';

const key = createPublishableKey('http://localhost:4000', 'development');

describe('the browser client as seed code uses it', () => {
  it('keeps its methods working when destructured', () => {
    const orbital = new Orbital(key);
    const { buildSignInUrl, buildSignUpUrl, buildUrlWithAuth, getSnapshot } = orbital;
    expect(buildSignInUrl({ redirectUrl: 'http://localhost:3000/dashboard' })).toBe('http://localhost:4000/sign-in?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fdashboard');
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
});
