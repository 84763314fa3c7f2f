import { describe, expect, it } from 'vitest';
import { createPublishableKey } from './keys';
import { signInRedirectUrl } from './satellite-sync';

const publishableKey = createPublishableKey('https://primary.example.com/api/auth', 'production');
const back = 'https://app.example.com/dashboard?tab=1';

describe('signInRedirectUrl (sign in, then come back)', () => {
  it('on a primary: the hosted sign-in page, or the app’s own, carrying redirect_url', () => {
    expect(signInRedirectUrl({ publishableKey }, back)).toBe(`https://primary.example.com/api/auth/sign-in?redirect_url=${encodeURIComponent(back)}`);
    expect(signInRedirectUrl({ publishableKey, signInUrl: '/sign-in' }, back)).toBe(`https://app.example.com/sign-in?redirect_url=${encodeURIComponent(back)}`);
  });

  it('on a satellite: the primary’s sync endpoint, which shows a form only when needed', () => {
    expect(signInRedirectUrl({ publishableKey, signInUrl: '/sign-in', isSatellite: true }, back)).toBe(`https://primary.example.com/api/auth/v1/sync?redirect_url=${encodeURIComponent(back)}`);
  });
});
