import { describe, expect, it } from 'vitest';
import { signInView } from './sign-in-view';

describe('what the sign-in page shows', () => {
  it('the form to someone with no session, the chooser to someone with sessions', () => {
    expect(signInView({ url: 'https://app.example/sign-in', sessionCount: 0 })).toBe('form');
    expect(signInView({ url: 'https://app.example/sign-in?redirect_url=%2F', sessionCount: 2 })).toBe('choose');
  });

  it('the form when asked to add an account, the chooser at /choose', () => {
    expect(signInView({ url: '/sign-in?add_account=1', sessionCount: 2 })).toBe('form');
    expect(signInView({ url: '/sign-in/choose', sessionCount: null })).toBe('choose');
  });

  it('the form when there is nobody to choose, wherever the chooser was asked for', () => {
    expect(signInView({ url: '/sign-in/choose', sessionCount: 0 })).toBe('form');
    expect(signInView({ url: '/sign-in', sessionCount: 0, mode: 'choose' })).toBe('form');
  });

  it('the form while the URL is unknown (server rendering), and whatever the app fixed with `mode`', () => {
    expect(signInView({ url: null, sessionCount: 3 })).toBe('form');
    expect(signInView({ url: '/sign-in/choose', sessionCount: 1, mode: 'form' })).toBe('form');
  });
});
