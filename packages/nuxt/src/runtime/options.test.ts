import { describe, expect, it } from 'vitest';
import { createPublishableKey, createSecretKey } from '@orbital/core';
import { orbitalOptions } from './options';

const key = createPublishableKey('http://localhost:3000/api/auth', 'development');
const secretKey = createSecretKey('development');

describe('orbitalOptions (runtime config → Orbital options)', () => {
  it('parses lists and flags the way env vars are parsed, and keeps secrets from the private half', () => {
    const options = orbitalOptions(
      {
        publishableKey: key,
        allowedRedirectOrigins: 'http://a.test,http://b.test',
        isSatellite: true,
        proxyUrl: '',
        satelliteAutoSync: 'false',
      },
      { secretKey, clockSkew: 10 },
    );
    expect(options).toMatchObject({
      publishableKey: key,
      allowedRedirectOrigins: ['http://a.test', 'http://b.test'],
      isSatellite: true,
      satelliteAutoSync: false,
      secretKey,
      clockSkew: 10,
    });
    expect(options.proxyUrl).toBeUndefined();
  });

  it('refuses a malformed value at start-up, naming the variable', () => {
    expect(() => orbitalOptions({ publishableKey: key }, { clockSkew: 'five' })).toThrow(
      expect.objectContaining({
        code: 'configuration_invalid',
        message: expect.stringContaining('ORBITAL_CLOCK_SKEW'),
      }),
    );
    expect(() => orbitalOptions({ publishableKey: key }, { secretKey: 'sk_test_x' })).toThrow(
      expect.objectContaining({ code: 'secret_key_invalid' }),
    );
  });

  it('names the Nuxt env var when the publishable key is missing', () => {
    expect(() => orbitalOptions({ publishableKey: '' })).toThrow(
      expect.objectContaining({
        code: 'publishable_key_missing',
        message: expect.stringContaining('NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY'),
      }),
    );
  });
});
