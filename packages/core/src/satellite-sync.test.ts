import { describe, expect, it } from 'vitest';
import { createPublishableKey } from './api-keys';
import { afterAuthUrl, signInRedirectUrl } from './satellite-sync';

const publishableKey = createPublishableKey('https://primary.example.com/api/auth', 'production');
const back = 'https://app.example.com/dashboard?tab=1';

describe('signInRedirectUrl (sign in, then come back)', () => {
  it('on a primary: the hosted sign-in page, or the app’s own, carrying redirect_url', () => {
    expect(signInRedirectUrl({ publishableKey }, back)).toBe(
      `https://primary.example.com/api/auth/sign-in?redirect_url=${encodeURIComponent(back)}`,
    );
    expect(signInRedirectUrl({ publishableKey, signInUrl: '/sign-in' }, back)).toBe(
      `https://app.example.com/sign-in?redirect_url=${encodeURIComponent(back)}`,
    );
  });

  it('on a satellite: the primary’s sync endpoint, which shows a form only when needed', () => {
    expect(signInRedirectUrl({ publishableKey, signInUrl: '/sign-in', isSatellite: true }, back)).toBe(
      `https://primary.example.com/api/auth/v1/sync?redirect_url=${encodeURIComponent(back)}`,
    );
  });
});

describe('afterAuthUrl: where a sign-in or sign-up sends the browser', () => {
  const where = {
    base: 'https://example.com',
    cookieOrigin: 'https://example.com',
    authServerUrl: 'https://example.com/api/auth',
    allowedOrigins: ['https://satellite.test', 'https://*.example.com'],
  };

  it('goes straight to a page that shares the cookies just set: the same host, or a subdomain of it', () => {
    expect(afterAuthUrl('/dashboard?tab=1', where)).toBe('https://example.com/dashboard?tab=1');
    expect(afterAuthUrl('https://app.example.com/x', where)).toBe('https://app.example.com/x');
  });

  it('reaches another site through the sync endpoint, so it arrives signed in', () => {
    expect(afterAuthUrl('https://satellite.test/orders', where)).toBe(
      `https://example.com/api/auth/v1/sync?redirect_url=${encodeURIComponent('https://satellite.test/orders')}`,
    );
  });

  it('has no target for an origin nobody allowed, or a malformed one', () => {
    for (const raw of ['https://evil.test/', '//evil.test', 'javascript:alert(1)', null, ''])
      expect(afterAuthUrl(raw, where)).toBeNull();
  });
});
