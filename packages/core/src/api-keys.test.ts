import { describe, expect, it } from 'vitest';
import { createPublishableKey, createSecretKey, parsePublishableKey, parseSecretKey } from './api-keys';

describe('publishable keys', () => {
  it('round-trips the auth server URL and mode', () => {
    const key = createPublishableKey('https://example.com/api/auth/', 'production');
    expect(key.startsWith('pk_live_')).toBe(true);
    expect(parsePublishableKey(key)).toEqual({ mode: 'production', authServerUrl: 'https://example.com/api/auth' });
    expect(parsePublishableKey(createPublishableKey('http://localhost:4000', 'development'))).toEqual({
      mode: 'development',
      authServerUrl: 'http://localhost:4000',
    });
  });

  it('names the variable a missing key should come from', () => {
    expect(() => parsePublishableKey(undefined, 'NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY')).toThrowError(
      /NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY/,
    );
    expect(() => parsePublishableKey('')).toThrowError(expect.objectContaining({ code: 'publishable_key_missing' }));
  });

  it.each([
    'pk_test_',
    'pk_test_!!!!',
    'sk_test_aHR0cDovL2xvY2FsaG9zdCQ',
    'pk_prod_aHR0cDovL2xvY2FsaG9zdCQ',
    'pk_test_aHR0cDovL2xvY2FsaG9zdA', // no trailing $
    'pk_test_' + btoa('javascript:alert(1)$').replace(/=+$/, ''),
    'pk_test_' + btoa('not a url$').replace(/=+$/, ''),
    'pk_live_' + btoa('http://insecure.example.com$').replace(/=+$/, ''), // production needs https
    'pk_test_' + btoa('http://user:pw@localhost$').replace(/=+$/, ''),
  ])('rejects %s with a clear error', (key) => {
    expect(() => parsePublishableKey(key, 'ORBITAL_KEY')).toThrowError(
      expect.objectContaining({ code: 'publishable_key_invalid', message: expect.stringContaining('ORBITAL_KEY') }),
    );
  });
});

describe('secret keys', () => {
  it('are random and carry their mode', () => {
    const a = createSecretKey('development');
    expect(a).toMatch(/^sk_test_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(createSecretKey('development'));
    expect(parseSecretKey(a, 'development')).toEqual({ mode: 'development', key: a });
  });

  it('must match the publishable key mode', () => {
    expect(() => parseSecretKey(createSecretKey('production'), 'development', 'ORBITAL_SECRET_KEY')).toThrowError(
      expect.objectContaining({ code: 'key_mode_mismatch', message: expect.stringContaining('ORBITAL_SECRET_KEY') }),
    );
  });

  it.each([undefined, '', 'sk_test_short', 'pk_test_' + 'a'.repeat(43)])('rejects %s', (key) => {
    expect(() => parseSecretKey(key, undefined)).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/^secret_key_(missing|invalid)$/) }),
    );
  });
});
