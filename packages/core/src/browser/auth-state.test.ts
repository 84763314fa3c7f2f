import { describe, expect, it } from 'vitest';
import { authSnapshot, hasRole } from './auth-state';
import { toState, type ClientResource } from './resources';

const client = {
  lastActiveSessionId: 'sess_1',
  sessions: [{ id: 'sess_1', user: { id: 'user_1' }, organization: { id: 'org_1', slug: 'acme', role: 'admin' } }],
} as unknown as ClientResource;

describe('authSnapshot', () => {
  it('is not loaded before the client loads when the server sent nothing', () => {
    expect(authSnapshot(toState(null, false), undefined)).toMatchObject({
      isLoaded: false,
      isSignedIn: undefined,
      userId: undefined,
    });
  });

  it('uses the server’s initial state until the client loads, so the first render matches the HTML', () => {
    expect(authSnapshot(toState(null, false), { userId: 'user_1', sessionId: 'sess_1' })).toEqual({
      isLoaded: true,
      isSignedIn: true,
      userId: 'user_1',
      sessionId: 'sess_1',
      orgId: null,
      orgSlug: null,
      orgRole: null,
    });
  });

  it('follows the loaded client from then on, organization included', () => {
    const loaded = authSnapshot(toState(client, true), { userId: null, sessionId: null });
    expect(loaded).toEqual({
      isLoaded: true,
      isSignedIn: true,
      userId: 'user_1',
      sessionId: 'sess_1',
      orgId: 'org_1',
      orgSlug: 'acme',
      orgRole: 'admin',
    });
    expect(hasRole(loaded, { role: 'admin' })).toBe(true);
    expect(hasRole(loaded, { role: 'member' })).toBe(false);
    expect(authSnapshot(toState(null, true), { userId: 'user_1', sessionId: 'sess_1' })).toMatchObject({
      isLoaded: true,
      isSignedIn: false,
      userId: null,
    });
  });
});
