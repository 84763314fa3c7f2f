import { describe, expect, it } from 'vitest';
import { chooseUrl, hostedPageUrls, withRedirectUrl } from './account-urls';

describe('account page URLs', () => {
  it('default to the hosted pages of the auth server', () => {
    expect(hostedPageUrls('https://example.com/api/auth')).toEqual({
      signInUrl: 'https://example.com/api/auth/sign-in',
      signUpUrl: 'https://example.com/api/auth/sign-up',
      userProfileUrl: 'https://example.com/api/auth/user',
    });
  });

  it('carry redirect_url, encoded', () => {
    expect(withRedirectUrl('https://auth.example.com/sign-in', 'https://app.example.com/a?b=1&c=2')).toBe(
      'https://auth.example.com/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Fa%3Fb%3D1%26c%3D2',
    );
  });

  it('keep relative page URLs relative and their own query', () => {
    expect(withRedirectUrl('/sign-in?lang=fr', '/dashboard')).toBe('/sign-in?lang=fr&redirect_url=%2Fdashboard');
  });

  it('replace an earlier redirect_url rather than adding a second one', () => {
    expect(withRedirectUrl('/sign-in?redirect_url=%2Fold', '/new')).toBe('/sign-in?redirect_url=%2Fnew');
  });

  it('leave the URL alone without a redirect target', () => {
    expect(withRedirectUrl('/sign-up', null)).toBe('/sign-up');
  });

  it('put the account chooser under the sign-in URL', () => {
    expect(chooseUrl('https://auth.example.com/sign-in/')).toBe('https://auth.example.com/sign-in/choose');
    expect(chooseUrl('/sign-in', '/app')).toBe('/sign-in/choose?redirect_url=%2Fapp');
  });
});
