import { describe, expect, it } from 'vitest';
import {
  clientCookie,
  clientUatCookie,
  cookieNames,
  handshakeCountCookie,
  instanceSuffix,
  parseCookies,
  sessionCookie,
  cookieHeaderAfter,
} from './cookies';
import { createPublishableKey } from './api-keys';

const dev = createPublishableKey('http://localhost:4000', 'development');
const other = createPublishableKey('http://localhost:4001', 'development');
const names = cookieNames(dev);

describe('cookie names', () => {
  it('carry a suffix of the instance so two instances on one host do not collide', () => {
    expect(names.session).toMatch(/^__session_[0-9a-f]{8}$/);
    expect(names.clientUat).toMatch(/^__client_uat_[0-9a-f]{8}$/);
    expect(instanceSuffix(dev)).not.toBe(instanceSuffix(other));
    // The names follow the instance, not the call: a key made again for the same server reads the same cookies.
    expect(cookieNames(createPublishableKey('http://localhost:4000', 'development'))).toEqual(names);
  });
});

describe('cookie attributes', () => {
  const http = { mode: 'development' as const, url: 'http://localhost:3000/' };
  const https = { mode: 'development' as const, url: 'https://dev.example.com/' };
  const prod = { mode: 'production' as const, url: 'http://behind-a-proxy/' };

  it('client cookie: HttpOnly, SameSite=Lax, Path=/, Max-Age', () => {
    expect(clientCookie(names, http, 'tok', 100)).toBe(
      `${names.client}=tok; Max-Age=100; Path=/; HttpOnly; SameSite=Lax`,
    );
  });

  it('session cookie: readable by the browser client, SameSite=Lax', () => {
    expect(sessionCookie(names, http, 'jwt')).toBe(`${names.session}=jwt; Path=/; SameSite=Lax`);
  });

  it('Secure in production, and in development over https', () => {
    expect(sessionCookie(names, prod, 'jwt')).toMatch(/; Secure/);
    expect(sessionCookie(names, https, 'jwt')).toMatch(/; Secure/);
    expect(sessionCookie(names, http, 'jwt')).not.toMatch(/Secure/);
  });

  it('Domain only when asked for', () => {
    expect(clientUatCookie(names, { ...http, domain: 'example.com' }, 5)).toMatch(/Domain=example.com/);
    expect(clientUatCookie(names, http, 5)).not.toMatch(/Domain/);
  });

  it('the loop-guard cookie is never Secure, so it survives the misconfigurations it diagnoses', () => {
    expect(handshakeCountCookie(names, prod, '1.token_missing')).not.toMatch(/Secure/);
    expect(handshakeCountCookie(names, prod, null)).toMatch(/Max-Age=0/);
  });
});

describe('cookie parsing', () => {
  it('reads a Cookie header and skips garbage', () => {
    expect(parseCookies('a=1; b=two; =bad; c')).toMatchObject({ a: '1', b: 'two' });
    expect(parseCookies(null)).toEqual({});
  });
});

describe('cookieHeaderAfter', () => {
  it('adds and replaces what Set-Cookie sets, drops what it expires, keeps the rest', () => {
    const header = cookieHeaderAfter('theme=dark; __session_x=old; __client_uat_x=5', [
      '__session_x=new; Path=/; SameSite=Lax',
      '__client_uat_x=; Max-Age=0; Path=/',
      '__client_x=tok; Path=/; HttpOnly; Max-Age=3600',
    ]);
    expect(parseCookies(header)).toEqual({ theme: 'dark', __session_x: 'new', __client_x: 'tok' });
  });

  it('works from no Cookie header at all', () => {
    expect(cookieHeaderAfter(undefined, ['a=1; Path=/'])).toBe('a=1');
  });
});
