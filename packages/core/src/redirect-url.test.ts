import { describe, expect, it } from 'vitest';
import { safeRedirectUrl, validateRedirectUrl } from './redirect-url';

const options = {
  base: 'https://app.example.com/current/page',
  allowedOrigins: ['https://satellite.example.org', /^https:\/\/[a-z0-9-]+\.preview\.example\.net$/],
};

describe('redirect target validation', () => {
  it.each([
    ['/dashboard', 'https://app.example.com/dashboard'],
    ['/dashboard?tab=1#top', 'https://app.example.com/dashboard?tab=1#top'],
    ['/search?q=hello%20world', 'https://app.example.com/search?q=hello%20world'],
    ['/a?next=https%3A%2F%2Fevil.com', 'https://app.example.com/a?next=https%3A%2F%2Fevil.com'],
    ['https://app.example.com/settings', 'https://app.example.com/settings'],
    ['https://APP.example.com:443/x', 'https://app.example.com/x'],
    ['https://satellite.example.org/welcome', 'https://satellite.example.org/welcome'],
    ['https://pr-42.preview.example.net/', 'https://pr-42.preview.example.net/'],
  ])('accepts %s', (input, expected) => {
    expect(validateRedirectUrl(input, options).href).toBe(expected);
  });

  const hostile = [
    // other origins
    'https://evil.com',
    'https://evil.com/https://app.example.com',
    'http://app.example.com/downgrade',
    'https://app.example.com:8443/',
    'https://app.example.com.evil.com/',
    'https://evil.com#https://app.example.com',
    'https://evil.com?https://app.example.com',
    'https://evilapp.example.com/',
    'https://app.example.com./',
    'https://satellite.example.org.evil.com/',
    'https://evil.preview.example.net.attacker.com/',
    'https://a.b.preview.example.net/',
    'https://xn--pple-43d.com/', // punycode look-alike
    'https://аpp.example.com/', // Cyrillic а
    'http://127.0.0.1/',
    'http://[::1]/',
    'https:evil.com',
    'https:/evil.com',
    // protocol-relative and backslashes
    '//evil.com',
    '//evil.com/path',
    '///evil.com',
    '\\\\evil.com',
    '/\\evil.com',
    '\\/evil.com',
    '/\\/evil.com',
    'https:\\\\evil.com',
    // userinfo
    'https://app.example.com@evil.com/',
    'https://user:pass@app.example.com/',
    'https://app.example.com%40evil.com/',
    // schemes
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'javascript://app.example.com/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://app.example.com/',
    // encoding tricks
    '%2F%2Fevil.com',
    '/%2F%2Fevil.com',
    '/%5Cevil.com',
    '%2f%2fevil.com',
    '/%252F%252Fevil.com',
    'javascript%3Aalert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
    '/%0d%0aSet-Cookie:x=1',
    '/%E0%A4%A',
    // whitespace and control characters
    ' https://evil.com',
    'https://evil.com ',
    '\thttps://evil.com',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    '/\t/evil.com',
    '/ /evil.com',
    '\u0000/dashboard',
    '/dash\u200bboard',
    '\ufeff/dashboard',
    // relative forms that are not path-absolute
    'dashboard',
    '../dashboard',
    '?next=1',
    '#fragment',
    '',
    'x'.repeat(5000),
  ];

  it.each(hostile)('rejects %j', (input) => {
    expect(() => validateRedirectUrl(input, options)).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/^redirect_(url_invalid|origin_not_allowed)$/) }),
    );
  });

  it('has at least 40 hostile cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(40);
  });

  it.each([null, undefined, 42, {}, ['/a']])('rejects non-strings (%j)', (input) => {
    expect(safeRedirectUrl(input, options)).toBeNull();
  });

  it('tells the user what to do about an origin that is not allowed', () => {
    expect(() => validateRedirectUrl('https://other.example.com/', options)).toThrowError(/allowedRedirectOrigins/);
  });
});
