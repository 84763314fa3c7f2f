import { describe, expect, it } from 'vitest';
import { developmentPublishableKey } from './development-instance';
import { parsePublishableKey } from './api-keys';
import { resolveOptions } from './options';

const serverOf = (key: string | undefined) => key && parsePublishableKey(key).authServerUrl;

describe('zero-configuration development', () => {
  it('uses the auth server the app hosts at /api/auth on the dev server’s port', () => {
    expect(serverOf(developmentPublishableKey({ NODE_ENV: 'development' }))).toBe('http://localhost:3000/api/auth');
    expect(serverOf(developmentPublishableKey({ NODE_ENV: 'development', PORT: '3005' }))).toBe(
      'http://localhost:3005/api/auth',
    );
  });

  it('takes the app’s origin from its configured authorized parties when set', () => {
    expect(serverOf(developmentPublishableKey({ NODE_ENV: 'development' }, ['http://app.localhost:5173/']))).toBe(
      'http://app.localhost:5173/api/auth',
    );
  });

  it('ignores a PORT that is not a port', () => {
    expect(serverOf(developmentPublishableKey({ NODE_ENV: 'development', PORT: 'evil.example:80' }))).toBe(
      'http://localhost:3000/api/auth',
    );
  });

  it('never applies outside development: production and tests need a key', () => {
    for (const NODE_ENV of ['production', 'test', undefined])
      expect(developmentPublishableKey({ NODE_ENV })).toBeUndefined();
    expect(() => resolveOptions({ NODE_ENV: 'production' }, 'NEXT_PUBLIC_')).toThrow(
      expect.objectContaining({
        code: 'publishable_key_missing',
        message: expect.stringContaining('orbital-server env'),
      }),
    );
  });

  it('is what resolveOptions uses when no key is given, and a given key always wins', () => {
    expect(serverOf(resolveOptions({ NODE_ENV: 'development', PORT: '4100' }, 'VITE_').publishableKey)).toBe(
      'http://localhost:4100/api/auth',
    );
    const given = resolveOptions(
      {
        NODE_ENV: 'development',
        VITE_ORBITAL_PUBLISHABLE_KEY: developmentPublishableKey({ NODE_ENV: 'development', PORT: '9999' }),
      },
      'VITE_',
    );
    expect(serverOf(given.publishableKey)).toBe('http://localhost:9999/api/auth');
  });
});
