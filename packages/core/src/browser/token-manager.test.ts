// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { base64UrlEncode } from '../base64url';
import { cookieNames, parseCookies } from '../cookies';
import { createPublishableKey } from '../api-keys';
import type { AuthApi } from './auth-api';
import { createTokenManager } from './token-manager';

const names = cookieNames(createPublishableKey('http://localhost:4000', 'development'));
const scope = () => ({ mode: 'development' as const, url: 'http://localhost:3000/' });
const jwt = (sid: string, iat: number, ttl = 60) =>
  `${base64UrlEncode('{"alg":"RS256"}')}.${base64UrlEncode(JSON.stringify({ sid, iat, exp: iat + ttl }))}.sig`;
const serverNow = () => Math.floor(Date.now() / 1000);

function fakeApi(mint = (sid: string) => jwt(sid, serverNow())) {
  const token = vi.fn(async (sid: string) => ({ jwt: mint(sid) }));
  return { api: { token } as unknown as AuthApi, token };
}

describe('browser token manager', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    document.cookie = `${names.session}=; Max-Age=0; Path=/`;
  });
  afterEach(() => vi.useRealTimers());

  it('fetches a token once, writes the session cookie, and reuses it while fresh', async () => {
    const { api, token } = fakeApi();
    const tokens = createTokenManager(api, names, scope, 'lock');
    const first = await tokens.get('sess_1');
    expect(document.cookie).toContain(`${names.session}=${first}`);
    vi.advanceTimersByTime(30_000);
    expect(await tokens.get('sess_1')).toBe(first);
    expect(token).toHaveBeenCalledTimes(1);
  });

  it('shares one request between concurrent callers', async () => {
    const { api, token } = fakeApi();
    const tokens = createTokenManager(api, names, scope, 'lock');
    const [a, b, c] = await Promise.all([tokens.get('sess_1'), tokens.get('sess_1'), tokens.get('sess_1')]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(token).toHaveBeenCalledTimes(1);
  });

  it('adopts a fresher token another tab wrote into the cookie instead of asking again', async () => {
    const { api, token } = fakeApi();
    const tokens = createTokenManager(api, names, scope, 'lock');
    await tokens.get('sess_1');
    vi.advanceTimersByTime(55_000); // close to expiry
    const fromOtherTab = jwt('sess_1', serverNow());
    document.cookie = `${names.session}=${fromOtherTab}; Path=/`;
    expect(await tokens.refreshAhead('sess_1')).toBe(fromOtherTab);
    expect(token).toHaveBeenCalledTimes(1);
  });

  it('never reuses a token minted for another organization, even a fresh one in the cookie', async () => {
    let org: string | null = null;
    const { api, token } = fakeApi(
      (sid) =>
        `${base64UrlEncode('{"alg":"RS256"}')}.${base64UrlEncode(JSON.stringify({ sid, iat: serverNow(), exp: serverNow() + 60, ...(org && { org_id: org }) }))}.sig`,
    );
    const tokens = createTokenManager(api, names, scope, 'lock');
    await tokens.get('sess_1');
    org = 'org_1'; // the session switched to an organization on the auth server
    tokens.clear();
    const switched = await tokens.get('sess_1', 'org_1');
    expect(token).toHaveBeenCalledTimes(2);
    expect(document.cookie).toContain(switched);
    expect(await tokens.get('sess_1', 'org_1')).toBe(switched);
  });

  it('refreshes ahead of expiry: 15 s early for 60 s tokens, half-way for short ones', async () => {
    const long = createTokenManager(fakeApi().api, names, scope, 'lock');
    await long.get('sess_1');
    expect(long.refreshIn()).toBeCloseTo(45, 0);
    const short = createTokenManager(fakeApi((sid) => jwt(sid, serverNow(), 6)).api, names, scope, 'lock');
    await short.get('sess_2');
    expect(short.refreshIn()).toBeCloseTo(3, 0);
  });

  it('does not refresh in a loop when the browser clock is wrong', async () => {
    // The auth server's clock is 10 minutes ahead of this browser's.
    const { api, token } = fakeApi((sid) => jwt(sid, serverNow() + 600));
    const tokens = createTokenManager(api, names, scope, 'lock');
    await tokens.get('sess_1');
    await tokens.get('sess_1');
    expect(token).toHaveBeenCalledTimes(1);
    expect(tokens.refreshIn()).toBeCloseTo(45, 0);
  });

  it('asks for a new token when the active session changes', async () => {
    const { api, token } = fakeApi();
    const tokens = createTokenManager(api, names, scope, 'lock');
    await tokens.get('sess_1');
    await tokens.get('sess_2');
    expect(token.mock.calls.map(([sid]) => sid)).toEqual(['sess_1', 'sess_2']);
  });

  it('never writes a token whose request started before the session changed (a refresh racing a sign-out)', async () => {
    let answer!: () => void;
    const api = {
      token: vi.fn(
        (sid: string) =>
          new Promise<{ jwt: string }>((resolve) => (answer = () => resolve({ jwt: jwt(sid, serverNow()) }))),
      ),
    } as unknown as AuthApi;
    const tokens = createTokenManager(api, names, scope, 'lock');
    const late = tokens.get('sess_1');
    tokens.clear(); // the sign-out was acknowledged while the token was on its way
    answer();
    expect(await late).toContain('.sig'); // its caller asked while signed in
    expect(parseCookies(document.cookie)[names.session] ?? '').toBe('');
    expect(tokens.refreshIn()).toBeNull();
  });

  it('passes the auth server error on when the session is gone', async () => {
    const { ApiError } = await import('../errors');
    const api = {
      token: vi.fn(async () => Promise.reject(new ApiError(404, 'session_not_found', 'gone'))),
    } as unknown as AuthApi;
    await expect(createTokenManager(api, names, scope, 'lock').get('sess_1')).rejects.toMatchObject({
      code: 'session_not_found',
    });
  });
});
