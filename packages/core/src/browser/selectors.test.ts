import { describe, expect, it } from 'vitest';
import { toState, type ClientResource } from './resources';
import {
  membershipsSnapshot,
  organizationSnapshot,
  sessionListSnapshot,
  sessionSnapshot,
  userSnapshot,
} from './selectors';

const user = {
  id: 'user_1',
  email: 'ada@example.com',
  emailVerified: true,
  firstName: 'Ada',
  lastName: null,
  publicMetadata: {},
  createdAt: 1,
};
const org = { id: 'org_1', name: 'Acme', slug: 'acme', createdAt: 1 };
const session = {
  id: 'sess_1',
  status: 'active',
  createdAt: 1,
  lastActiveAt: 1,
  expiresAt: 2,
  user,
  organization: { ...org, role: 'admin' as const },
  memberships: [{ organization: org, role: 'admin' as const }],
};
const client: ClientResource = { id: 'client_1', lastActiveSessionId: 'sess_1', uat: 1, sessions: [session] };

describe('what the hooks of every framework return', () => {
  it('before the client loads: nothing but whether the server saw someone signed in', () => {
    const loading = toState(null, false);
    expect(userSnapshot(loading)).toEqual({ isLoaded: false, isSignedIn: undefined, user: undefined });
    expect(userSnapshot(loading, { userId: 'user_1', sessionId: 'sess_1' })).toEqual({
      isLoaded: false,
      isSignedIn: true,
      user: undefined,
    });
    expect(sessionSnapshot(loading, { userId: null, sessionId: null })).toEqual({
      isLoaded: false,
      isSignedIn: false,
      session: undefined,
    });
    expect(sessionListSnapshot(loading)).toEqual({ isLoaded: false, sessions: undefined });
    expect(organizationSnapshot(loading).organization).toBeUndefined();
    expect(membershipsSnapshot(loading).memberships).toBeUndefined();
  });

  it('once loaded: the resources, whatever the server said', () => {
    const loaded = toState(client, true);
    expect(userSnapshot(loaded, { userId: null, sessionId: null })).toEqual({ isLoaded: true, isSignedIn: true, user });
    expect(sessionSnapshot(loaded).session?.id).toBe('sess_1');
    expect(sessionListSnapshot(loaded).sessions).toHaveLength(1);
    expect(organizationSnapshot(loaded).organization).toMatchObject({ slug: 'acme', role: 'admin' });
    expect(membershipsSnapshot(loaded).memberships).toEqual([{ organization: org, role: 'admin' }]);
    expect(userSnapshot(toState(null, true))).toEqual({ isLoaded: true, isSignedIn: false, user: null });
  });
});
