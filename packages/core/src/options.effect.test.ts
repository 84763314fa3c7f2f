import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterSignInUrl,
  afterSignOutOfOneUrl,
  afterSignOutUrl,
  afterSignUpUrl,
  signInUrl,
  signUpUrl,
  accountPages,
} from './browser/urls';
import { cookieNames } from './cookies';
import { createPublishableKey, parsePublishableKey } from './api-keys';
import { ENV_OPTIONS, resolveOptions, type OrbitalOptions } from './options';
import { createRequestPipeline } from './request-pipeline';
import { SYNC_PARAM } from './transient-params';
import { sessionToken, testKeys } from './test-support';

// Every option an env var can set, read from its env var, visibly changes what Orbital does: an
// option with no effect (a dead one) fails here, and a new option without a row fails to compile.

const AUTH = 'http://localhost:4000';
const APP = 'http://localhost:3000';
const PREFIX = 'NEXT_PUBLIC_';
const keys = await testKeys('ES256');
const otherKeys = await testKeys('ES256');

const page = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${APP}${path}`, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document', ...headers } });
const handle = async (options: OrbitalOptions, request: Request) => {
  const result = await createRequestPipeline(options, () => {}).handle(request);
  return result.action === 'pass-through'
    ? 'pass-through'
    : {
        status: result.state?.status,
        reason: result.state?.reason,
        message: result.state?.message,
        url: result.state?.url,
        cookies:
          result.action === 'respond' ? result.response.headers.getSetCookie() : result.state.headers.getSetCookie(),
      };
};
const urlsAt = (
  options: OrbitalOptions,
  location = `${APP}/sign-in?redirect_url=${encodeURIComponent('http://other.test:3000/x')}`,
) => ({ authServerUrl: parsePublishableKey(options.publishableKey).authServerUrl, options, location });
const bearer = async (azp = APP, ttl?: number, at = Date.now()) => ({
  authorization: `Bearer ${await sessionToken(keys.signer, Math.floor(at / 1000), { azp, ttl })}`,
});

/** For each option: a value to set through its env var, and what to observe. */
const EFFECTS: { [K in keyof typeof ENV_OPTIONS]: { value: string; observe: (options: OrbitalOptions) => unknown } } = {
  publishableKey: {
    value: createPublishableKey('http://localhost:4999', 'development'),
    observe: (o) => signInUrl(urlsAt(o)),
  },
  secretKey: {
    value: 'sk_test_' + 'a'.repeat(43),
    observe: (o) => handle({ ...o, isSatellite: true, proxyUrl: '/api/auth' }, page(`/?${SYNC_PARAM}=code`)),
  },
  jwtKey: {
    value: keys.jwtKey,
    observe: async (o) => await handle(o, new Request(`${APP}/api/me`, { headers: await bearer() })),
  },
  signInUrl: { value: '/sign-in', observe: (o) => signInUrl(urlsAt(o)) },
  signUpUrl: { value: '/sign-up', observe: (o) => signUpUrl(urlsAt(o)) },
  userProfileUrl: { value: '/account', observe: (o) => accountPages(urlsAt(o)).userProfileUrl },
  afterSignInUrl: { value: '/home', observe: (o) => afterSignInUrl(urlsAt(o)) },
  afterSignUpUrl: { value: '/welcome', observe: (o) => afterSignUpUrl(urlsAt(o)) },
  afterSignOutUrl: { value: '/bye', observe: (o) => afterSignOutUrl(urlsAt(o)) },
  afterMultiSessionSingleSignOutUrl: { value: '/accounts', observe: (o) => afterSignOutOfOneUrl(urlsAt(o)) },
  allowedRedirectOrigins: { value: 'http://other.test:3000', observe: (o) => afterSignInUrl(urlsAt(o)) },
  authorizedParties: {
    value: `${APP},http://other.test:3000`,
    observe: async (o) =>
      handle(
        { ...o, jwtKey: keys.jwtKey },
        new Request(`${APP}/api/me`, { headers: await bearer('http://other.test:3000') }),
      ),
  },
  isSatellite: { value: 'true', observe: (o) => signInUrl(urlsAt(o, `${APP}/orders`)) },
  proxyUrl: { value: '/proxy', observe: (o) => handle(o, page('/proxy/v1/client')) },
  satelliteAutoSync: { value: 'true', observe: (o) => handle({ ...o, isSatellite: true }, page('/')) },
  cookieDomain: {
    value: 'localhost',
    observe: (o) => handle(o, page('/dashboard', { cookie: `${cookieNames(o.publishableKey).clientUat}=5` })),
  },
  authServerInternalUrl: {
    value: 'http://10.255.255.1:4000',
    observe: (o) =>
      handle(
        { ...o, isSatellite: true, proxyUrl: '/api/auth', secretKey: 'sk_test_' + 'a'.repeat(43) },
        page(`/?${SYNC_PARAM}=code`),
      ),
  },
  clockSkew: {
    value: '60',
    observe: async (o) =>
      handle(
        { ...o, jwtKey: keys.jwtKey },
        new Request(`${APP}/api/me`, { headers: await bearer(APP, 5, Date.now() - 30_000) }),
      ),
  },
  trustProxy: {
    value: 'true',
    observe: (o) => handle(o, page('/', { 'x-forwarded-host': 'app.example.com', 'x-forwarded-proto': 'https' })),
  },
};

describe('every public option, read from its env var, changes behaviour', () => {
  beforeEach(() => {
    // The auth server of these tests: it publishes other keys (so a jwtKey is what makes a token valid) and redeems nothing.
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/.well-known/jwks.json')) return Response.json(otherKeys.jwks);
      throw new TypeError(`fetch failed: ${url}`);
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const base = { [`${PREFIX}ORBITAL_PUBLISHABLE_KEY`]: createPublishableKey(AUTH, 'development') };
  it.each(Object.keys(ENV_OPTIONS) as (keyof typeof ENV_OPTIONS)[])('%s', async (name) => {
    const { env, browser } = ENV_OPTIONS[name];
    const effect = EFFECTS[name];
    const variable = `${browser ? PREFIX : ''}ORBITAL_${env}`;
    const without = await effect.observe(resolveOptions(base, PREFIX));
    const withIt = await effect.observe(resolveOptions({ ...base, [variable]: effect.value }, PREFIX));
    expect(withIt).not.toEqual(without);
  });
});
