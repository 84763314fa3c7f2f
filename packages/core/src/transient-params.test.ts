import { describe, expect, it } from 'vitest';
import { buildHandshakeUrl } from './handshake';
import { buildSyncUrl } from './satellite-sync';
import { hasTransientParams, stripTransientParams } from './transient-params';

const spent = 'https://app.example.com/page?a=1&__orbital_handshake=h&__orbital_sync=s&__orbital_db=d#top';

describe('transient URL parameters', () => {
  it('are stripped together, keeping the rest of the URL', () => {
    expect(hasTransientParams(new URL(spent))).toBe(true);
    expect(stripTransientParams(spent).href).toBe('https://app.example.com/page?a=1#top');
    expect(hasTransientParams(stripTransientParams(spent))).toBe(false);
  });

  it('are stripped from nested return URLs too, absolute or relative', () => {
    const signIn = new URL('https://app.example.com/sign-in');
    signIn.searchParams.set('redirect_url', spent);
    expect(stripTransientParams(signIn).searchParams.get('redirect_url')).toBe('https://app.example.com/page?a=1#top');
    signIn.searchParams.set('redirect_url', '/page?__orbital_handshake=payload&b=2');
    expect(stripTransientParams(signIn).searchParams.get('redirect_url')).toBe('/page?b=2');
    expect(hasTransientParams(signIn)).toBe(true);
  });

  it('never ride along in the return URL of a handshake or a sync', () => {
    for (const built of [
      buildHandshakeUrl('https://auth.example.com', spent),
      buildSyncUrl('https://auth.example.com', spent),
    ]) {
      expect(new URL(built).searchParams.get('redirect_url')).toBe('https://app.example.com/page?a=1#top');
    }
  });
});
