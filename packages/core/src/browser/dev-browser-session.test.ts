// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieNames, parseCookies } from '../cookies';
import { createPublishableKey } from '../api-keys';
import { DEV_BROWSER_PARAM } from '../transient-params';
import { createDevBrowserSession } from './dev-browser-session';

const names = cookieNames(createPublishableKey('http://localhost:4000', 'development'));
const scope = () => ({ mode: 'development' as const, url: window.location.href });

describe('the development browser session', () => {
  beforeEach(() => {
    window.localStorage.clear();
    document.cookie = `${names.devBrowser}=; Max-Age=0; Path=/`;
  });

  it('is needed only in development, with the auth server on another site', () => {
    const session = createDevBrowserSession(names, scope);
    expect(session.needed('development', 'http://auth.example:4000')).toBe(true);
    expect(session.needed('production', 'https://auth.example')).toBe(false);
    expect(session.needed('development', 'http://localhost:4000')).toBe(false);
  });

  it('takes the token the URL brought, keeps it first-party, and puts it only on links to the other site', async () => {
    const session = createDevBrowserSession(names, scope);
    const create = vi.fn(async () => 'dvb_new');
    await session.start('dvb_arrived', create);
    expect(create).not.toHaveBeenCalled();
    expect(window.localStorage.getItem(names.devBrowser)).toBe('dvb_arrived');
    expect(parseCookies(document.cookie)[names.devBrowser]).toBe('dvb_arrived');
    expect(new URL(session.withToken('http://auth.example:4000/user')).searchParams.get(DEV_BROWSER_PARAM)).toBe(
      'dvb_arrived',
    );
    expect(session.withToken('http://localhost:3000/dashboard')).toBe('http://localhost:3000/dashboard');
  });

  it('reuses the kept token on the next load, and creates one only when none is kept or it is renewed', async () => {
    window.localStorage.setItem(names.devBrowser, 'dvb_kept');
    const session = createDevBrowserSession(names, scope);
    const create = vi.fn(async () => 'dvb_new');
    await session.start(null, create);
    expect(session.current()).toBe('dvb_kept');
    await session.start(null, create, true);
    expect(create).toHaveBeenCalledOnce();
    expect(session.current()).toBe('dvb_new');
  });

  it('reads the token another tab kept last: a sign-in there replaced it for every tab', async () => {
    const session = createDevBrowserSession(names, scope);
    await session.start('dvb_1', async () => 'unused');
    window.localStorage.setItem(names.devBrowser, 'dvb_2');
    expect(session.current()).toBe('dvb_2');
  });

  it('has no token to present before it started (production, same site)', () => {
    expect(createDevBrowserSession(names, scope).current()).toBeNull();
    expect(createDevBrowserSession(names, scope).withToken('http://auth.example:4000/user')).toBe(
      'http://auth.example:4000/user',
    );
  });
});
