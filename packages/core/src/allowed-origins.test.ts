import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, validateRedirectUrl } from './redirect-url';

const BASE = 'https://primary.test';

describe('allowed origins are explicit', () => {
  it.each([
    ['a subdomain of the base at another port', 'https://attacker.primary.test:1', []],
    ['a subdomain of the base, however deep', 'https://evil.a.b.primary.test', []],
    ['a host spelled with an ideographic full stop', 'https://evil.test%E3%80%82primary.test', []],
    ['localhost in development, unless listed', 'http://localhost:3000', []],
    ['127.0.0.1 as a number', 'http://2130706433:3000', ['http://localhost:3000']],
    ['a subdomain pattern at another port', 'https://a.example.com:8443', ['https://*.example.com']],
    ['a subdomain pattern with another scheme', 'http://a.example.com', ['https://*.example.com']],
    ['the parent of a subdomain pattern', 'https://example.com', ['https://*.example.com']],
    ['a look-alike parent', 'https://a.notexample.com', ['https://*.example.com']],
  ])('refuses %s', (_, origin, allowed) => {
    expect(isAllowedOrigin(origin, BASE, allowed)).toBe(false);
  });

  it.each([
    ['the base itself', 'https://primary.test', []],
    ['a listed origin, written differently', 'https://APP.example.com:443', ['https://app.example.com/']],
    ['a subdomain under a pattern', 'https://app.example.com', ['https://*.example.com']],
    ['a deeper subdomain under a pattern', 'https://a.b.example.com', ['https://*.example.com']],
    ['a pattern with its port', 'http://app.localhost.test:3000', ['http://*.localhost.test:3000']],
    ['numeric IPv4 spellings of a listed IP', 'http://0x7f.1:3000', ['http://127.0.0.1:3000']],
    [
      'an ideographic full stop after normalisation, when listed',
      'https://app%E3%80%82example.com',
      ['https://app.example.com'],
    ],
  ])('admits %s', (_, origin, allowed) => {
    expect(isAllowedOrigin(new URL(origin).origin, BASE, allowed)).toBe(true);
  });

  it('applies to redirect targets', () => {
    expect(() => validateRedirectUrl('https://attacker.primary.test:1/', { base: BASE })).toThrow(
      expect.objectContaining({ code: 'redirect_origin_not_allowed' }),
    );
    expect(
      validateRedirectUrl('https://app.primary.test/x', { base: BASE, allowedOrigins: ['https://*.primary.test'] })
        .href,
    ).toBe('https://app.primary.test/x');
  });
});

describe('configured origins', () => {
  it('are checked at start-up: origins and subdomain patterns pass, anything else names the setting', async () => {
    const { assertAllowedOrigins } = await import('./redirect-url');
    expect(() =>
      assertAllowedOrigins([
        'https://app.example.com',
        'https://*.example.com',
        'http://localhost:3000/',
        /^https:\/\/x\.test$/,
      ]),
    ).not.toThrow();
    for (const bad of [
      'app.example.com',
      'https://app.example.com/path',
      'ftp://files.example.com',
      'https://*.',
      '*',
    ]) {
      expect(() => assertAllowedOrigins([bad], 'ORBITAL_ALLOWED_REDIRECT_ORIGINS')).toThrow(
        expect.objectContaining({
          code: 'configuration_invalid',
          message: expect.stringContaining('ORBITAL_ALLOWED_REDIRECT_ORIGINS'),
        }),
      );
    }
  });
});
