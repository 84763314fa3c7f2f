import { describe, expect, it } from 'vitest';
import { createPublishableKey } from './api-keys';
import { optionsFromEnv, publicOptions, resolveOptions } from './options';

const key = createPublishableKey('http://localhost:3000/api/auth', 'development');

describe('options from env', () => {
  it('reads public values with the framework prefix (or none) and secrets only without one', () => {
    const env = {
      VITE_ORBITAL_PUBLISHABLE_KEY: key,
      ORBITAL_PROXY_URL: '/api/auth',
      VITE_ORBITAL_SECRET_KEY: 'sk_leaked',
      VITE_ORBITAL_IS_SATELLITE: 'true',
    };
    expect(optionsFromEnv(env, 'VITE_')).toEqual({ publishableKey: key, proxyUrl: '/api/auth', isSatellite: true });
  });

  it('lets explicit options win over env vars, ignoring undefined ones', () => {
    const options = resolveOptions({ VITE_ORBITAL_PUBLISHABLE_KEY: key, VITE_ORBITAL_SIGN_IN_URL: '/env' }, 'VITE_', {
      signInUrl: '/given',
      afterSignOutUrl: undefined,
    });
    expect(options).toMatchObject({ publishableKey: key, signInUrl: '/given' });
  });

  it('names the env var to set when the key is missing or malformed', () => {
    expect(() => resolveOptions({}, 'NUXT_PUBLIC_')).toThrow(
      expect.objectContaining({
        code: 'publishable_key_missing',
        message: expect.stringContaining('NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY'),
      }),
    );
    expect(() => resolveOptions({ VITE_ORBITAL_PUBLISHABLE_KEY: 'pk_test_nonsense' }, 'VITE_')).toThrow(
      expect.objectContaining({
        code: 'publishable_key_invalid',
        message: expect.stringContaining('VITE_ORBITAL_PUBLISHABLE_KEY'),
      }),
    );
  });
});

describe('publicOptions', () => {
  it('keeps keys and server-to-server settings away from the browser', () => {
    const browser = publicOptions({
      publishableKey: key,
      secretKey: 'sk_test_x',
      jwtKey: 'pem',
      authorizedParties: ['x'],
      clockSkew: 5,
      authServerInternalUrl: 'http://10.0.0.5',
      isSatellite: true,
    });
    expect(browser).toEqual({ publishableKey: key, isSatellite: true });
  });
});
