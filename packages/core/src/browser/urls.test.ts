import { describe, expect, it } from 'vitest';
import {
  afterSignInUrl,
  afterSignOutOfOneUrl,
  afterSignOutUrl,
  afterSignUpUrl,
  forgotPasswordUrl,
  signInUrl,
  signUpUrl,
  type UrlContext,
} from './urls';

const auth = 'https://example.com/api/auth';
const at = (location: string | null, options: UrlContext['options'] = {}): UrlContext => ({
  authServerUrl: auth,
  options,
  location,
});
const enc = encodeURIComponent;

describe('the browser client’s URLs, from the current page', () => {
  it('sign in and up on the hosted pages, coming back to the page', () => {
    expect(signInUrl(at('https://example.com/orders?tab=2'))).toBe(
      `${auth}/sign-in?redirect_url=${enc('https://example.com/orders?tab=2')}`,
    );
    expect(signUpUrl(at('https://example.com/'))).toBe(`${auth}/sign-up?redirect_url=${enc('https://example.com/')}`);
  });

  it('use the app’s own pages when configured, and ask for the form when adding an account', () => {
    expect(signInUrl(at('https://example.com/x', { signInUrl: '/sign-in' }), { addAccount: true })).toBe(
      `/sign-in?redirect_url=${enc('https://example.com/x')}&add_account=1`,
    );
  });

  it('on a satellite, go through the primary’s sync endpoint (sign-up flow for sign-up)', () => {
    const satellite = at('https://satellite.test/cart', { isSatellite: true });
    expect(signInUrl(satellite)).toBe(`${auth}/v1/sync?redirect_url=${enc('https://satellite.test/cart')}`);
    expect(signUpUrl(satellite)).toContain('&flow=sign-up');
  });

  it('forgot password: the auth server’s reset page, back where signing in would go (a forged target dropped)', () => {
    expect(forgotPasswordUrl(at('https://app.example.com/sign-in?redirect_url=%2Fdashboard'))).toBe(
      `${auth}/forgot-password?redirect_url=${enc('https://app.example.com/dashboard')}`,
    );
    expect(forgotPasswordUrl(at('https://app.example.com/sign-in?redirect_url=https%3A%2F%2Fevil.example'))).toBe(
      `${auth}/forgot-password?redirect_url=%2F`,
    );
  });

  it('after signing in or up: the page’s validated redirect_url, else the configured page, else /', () => {
    expect(afterSignInUrl(at(`https://example.com/sign-in?redirect_url=${enc('/orders')}`))).toBe(
      'https://example.com/orders',
    );
    expect(
      afterSignInUrl(
        at(`https://example.com/sign-in?redirect_url=${enc('https://evil.test/')}`, { afterSignInUrl: '/home' }),
      ),
    ).toBe('/home');
    expect(afterSignUpUrl(at('https://example.com/sign-up', { afterSignInUrl: '/home' }))).toBe('/home');
    expect(
      afterSignUpUrl(at('https://example.com/sign-up', { afterSignUpUrl: '/welcome', afterSignInUrl: '/home' })),
    ).toBe('/welcome');
    expect(afterSignInUrl(at(null))).toBe('/');
  });

  it('after signing out: of everything, the configured page; of one of several, the chooser', () => {
    expect(afterSignOutUrl(at('https://example.com/x'))).toBe('/');
    expect(afterSignOutUrl(at('https://example.com/x', { afterSignOutUrl: '/bye' }))).toBe('/bye');
    expect(afterSignOutOfOneUrl(at('https://example.com/x'))).toBe(
      `${auth}/sign-in/choose?redirect_url=${enc('https://example.com/x')}`,
    );
    expect(afterSignOutOfOneUrl(at('https://example.com/x', { afterMultiSessionSingleSignOutUrl: '/accounts' }))).toBe(
      '/accounts',
    );
  });
});
