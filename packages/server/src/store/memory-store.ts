import { ApiError } from '@orbital/core';
import {
  RETIRED_TOKEN_TTL,
  clientChanged,
  identifierTaken,
  slugTaken,
  type ClientChange,
  type ClientGraph,
  type ClientRecord,
  type InvitationRecord,
  type MembershipRecord,
  type NewUser,
  type OrganizationRecord,
  type SessionRecord,
  type SigningKeyRecord,
  type Store,
  type SyncCodeRecord,
  type UserPatch,
  type UserRecord,
} from './types';

/** A Store in process memory: for unit tests and throwaway demos. Everything is lost on exit. */
export function createMemoryStore(): Store {
  const users = new Map<string, UserRecord>();
  const clients = new Map<string, ClientRecord>();
  const sessions = new Map<string, SessionRecord>();
  const keys = new Map<string, SigningKeyRecord>();
  const extraTokens = new Map<string, { clientId: string; origin: string | null }>();
  const retiredTokens = new Map<string, { clientId: string; retiredAt: number }>();
  const invitations = new Map<string, InvitationRecord>();
  const syncCodes = new Map<string, SyncCodeRecord>();
  const organizations = new Map<string, OrganizationRecord>();
  const memberships = new Map<string, MembershipRecord>();
  const memberKey = (organizationId: string, userId: string) => `${organizationId} ${userId}`;
  const stopActingFor = (organizationId: string, userId?: string) => {
    for (const session of sessions.values()) {
      if (session.activeOrganizationId === organizationId && (!userId || session.userId === userId))
        session.activeOrganizationId = null;
    }
  };
  const copy = <T>(value: T | undefined): T | null => (value ? structuredClone(value) : null);
  const applyClient = (change: ClientChange) => {
    const client = clients.get(change.clientId);
    if (client) Object.assign(client, { lastActiveSessionId: change.lastActiveSessionId, uat: change.uat });
  };

  const store: Store = {
    async migrate() {},
    async ping() {},
    async close() {},

    async createUser(input: NewUser) {
      const email = input.email.toLowerCase();
      if ([...users.values()].some((u) => u.email === email)) throw identifierTaken();
      const user: UserRecord = {
        id: input.id,
        email,
        passwordHash: input.passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        publicMetadata: {},
        createdAt: input.now,
        updatedAt: input.now,
      };
      users.set(user.id, user);
      return structuredClone(user);
    },
    async findUserByEmail(email) {
      return copy([...users.values()].find((u) => u.email === email.toLowerCase()));
    },
    async findUserById(id) {
      return copy(users.get(id));
    },
    async updateUser(id: string, patch: UserPatch, now: number) {
      const user = users.get(id);
      if (!user) throw new ApiError(404, 'not_found', 'User not found.');
      Object.assign(user, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), {
        updatedAt: now,
      });
      return structuredClone(user);
    },

    async createClient({ id, tokenHash, now }) {
      const client: ClientRecord = { id, tokenHash, lastActiveSessionId: null, uat: 0, createdAt: now };
      clients.set(id, client);
      return structuredClone(client);
    },
    async loadClientGraph(by) {
      const extra = 'tokenHash' in by ? extraTokens.get(by.tokenHash) : undefined;
      const client =
        'clientId' in by
          ? clients.get(by.clientId)
          : (clients.get(extra?.clientId ?? '') ?? [...clients.values()].find((c) => c.tokenHash === by.tokenHash));
      if (!client) return null;
      const graph: ClientGraph = { client: structuredClone(client), tokenOrigin: extra?.origin ?? null, sessions: [] };
      for (const session of sessions.values()) {
        const user = users.get(session.userId);
        if (session.clientId !== client.id || session.status !== 'active' || !user) continue;
        graph.sessions.push({
          session: structuredClone(session),
          user: structuredClone(user),
          memberships: await store.listUserMemberships(user.id),
        });
      }
      return graph;
    },
    async addClientToken(clientId, tokenHash, _now, origin = null) {
      extraTokens.set(tokenHash, { clientId, origin });
    },
    async replaceClientToken({ clientId, oldHash, newHash, origin, now }) {
      const client = clients.get(clientId);
      if (!client) return;
      if (client.tokenHash === oldHash) client.tokenHash = newHash;
      else {
        if (extraTokens.get(oldHash)?.clientId !== clientId) throw clientChanged();
        extraTokens.delete(oldHash);
        extraTokens.set(newHash, { clientId, origin });
      }
      retiredTokens.set(oldHash, { clientId, retiredAt: now });
      for (const [hash, token] of extraTokens)
        if (token.clientId === clientId && token.origin !== null && hash !== newHash) extraTokens.delete(hash);
      for (const [hash, token] of retiredTokens)
        if (token.retiredAt < now - RETIRED_TOKEN_TTL) retiredTokens.delete(hash);
    },
    async findRetiredClientToken(tokenHash) {
      return copy(retiredTokens.get(tokenHash));
    },
    async createSyncCode(code) {
      syncCodes.set(code.codeHash, structuredClone(code));
    },
    async consumeSyncCode(codeHash) {
      const code = syncCodes.get(codeHash);
      syncCodes.delete(codeHash);
      return code ?? null;
    },

    async createSession({ id, clientId, userId, now }, change, { newUser, replaces = [] } = {}) {
      // As the SQL stores' foreign key: nothing is written for a client that does not exist.
      if (!clients.has(clientId)) throw new Error(`No client ${clientId}`);
      if (newUser) await store.createUser(newUser);
      if (replaces.length) await store.endSessions(replaces, 'ended', now);
      const session: SessionRecord = {
        id,
        clientId,
        userId,
        status: 'active',
        activeOrganizationId: null,
        createdAt: now,
        lastActiveAt: now,
        endedAt: null,
      };
      sessions.set(id, session);
      applyClient(change);
      return structuredClone(session);
    },
    async findSession(id) {
      return copy(sessions.get(id));
    },
    async listUserSessions(userId) {
      return [...sessions.values()]
        .filter((s) => s.userId === userId && s.status === 'active')
        .map((s) => structuredClone(s));
    },
    async touchSession(id, now) {
      const session = sessions.get(id);
      if (session?.status !== 'active') return false;
      session.lastActiveAt = Math.max(session.lastActiveAt, now);
      return true;
    },
    async endSessions(ids, status, now) {
      for (const id of ids) {
        const session = sessions.get(id);
        if (session?.status === 'active') Object.assign(session, { status, endedAt: now });
        const client = session && clients.get(session.clientId);
        if (client?.lastActiveSessionId === id)
          applyClient({ clientId: client.id, lastActiveSessionId: null, uat: now });
      }
    },
    async activateSession(change) {
      const session = sessions.get(change.lastActiveSessionId);
      if (session?.status !== 'active' || session.clientId !== change.clientId) return false;
      applyClient(change);
      return true;
    },
    async touchClient(clientId, now) {
      const client = clients.get(clientId);
      if (client) client.uat = now;
    },

    async createOrganization(organization, creatorId) {
      if ([...organizations.values()].some((o) => o.slug === organization.slug)) throw slugTaken();
      organizations.set(organization.id, structuredClone(organization));
      memberships.set(memberKey(organization.id, creatorId), {
        organizationId: organization.id,
        userId: creatorId,
        role: 'admin',
        createdAt: organization.createdAt,
      });
      return structuredClone(organization);
    },
    async findOrganization(id) {
      return copy(organizations.get(id));
    },
    async findOrganizationBySlug(slug) {
      return copy([...organizations.values()].find((o) => o.slug === slug));
    },
    async renameOrganization(id, name) {
      const organization = organizations.get(id);
      if (organization) organization.name = name;
    },
    async deleteOrganization(id) {
      organizations.delete(id);
      for (const [key, m] of memberships) if (m.organizationId === id) memberships.delete(key);
      stopActingFor(id);
    },
    async listMembers(organizationId) {
      return [...memberships.values()]
        .filter((m) => m.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((m) => structuredClone(m));
    },
    async listUserMemberships(userId) {
      return [...memberships.values()]
        .filter((m) => m.userId === userId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((m) => ({ ...structuredClone(m), organization: structuredClone(organizations.get(m.organizationId)!) }));
    },
    async putMembership(membership) {
      const existing = memberships.get(memberKey(membership.organizationId, membership.userId));
      memberships.set(memberKey(membership.organizationId, membership.userId), {
        ...membership,
        createdAt: existing?.createdAt ?? membership.createdAt,
      });
    },
    async removeMembership(organizationId, userId) {
      memberships.delete(memberKey(organizationId, userId));
      stopActingFor(organizationId, userId);
    },
    async setSessionOrganization(sessionId, organizationId) {
      const session = sessions.get(sessionId);
      if (session) session.activeOrganizationId = organizationId;
    },

    async createInvitation(invitation) {
      invitations.set(invitation.id, structuredClone(invitation));
    },
    async findInvitation(id) {
      return copy(invitations.get(id));
    },
    async listPendingInvitations(by, now) {
      return [...invitations.values()]
        .filter(
          (i) =>
            i.status === 'pending' &&
            i.expiresAt > now &&
            ('email' in by ? i.email === by.email : i.organizationId === by.organizationId) &&
            organizations.has(i.organizationId),
        )
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((i) => ({ ...structuredClone(i), organization: structuredClone(organizations.get(i.organizationId)!) }));
    },
    async closeInvitation(id, status, now, member) {
      const invitation = invitations.get(id);
      if (!invitation || invitation.status !== 'pending') return false;
      invitation.status = status;
      if (member && !memberships.has(memberKey(invitation.organizationId, member.userId))) {
        memberships.set(memberKey(invitation.organizationId, member.userId), {
          organizationId: invitation.organizationId,
          userId: member.userId,
          role: invitation.role,
          createdAt: now,
        });
      }
      return true;
    },

    async listSigningKeys() {
      return [...keys.values()].map((k) => structuredClone(k)).sort((a, b) => a.createdAt - b.createdAt);
    },
    async createSigningKey(key, now) {
      if ([...keys.values()].some((k) => k.retiredAt === null && k.privateJwk.alg === key.privateJwk.alg)) return false;
      for (const existing of keys.values()) if (existing.retiredAt === null) existing.retiredAt = now;
      keys.set(key.kid, structuredClone(key));
      return true;
    },
    async updateSigningKeyPrivate(kid, privateJwk) {
      const key = keys.get(kid);
      if (key) key.privateJwk = structuredClone(privateJwk);
    },
    async rotateSigningKey(key, now) {
      for (const existing of keys.values()) if (existing.retiredAt === null) existing.retiredAt = now;
      keys.set(key.kid, structuredClone(key));
    },
    async deleteSigningKeys(kids) {
      for (const kid of kids) keys.delete(kid);
    },
  };
  return store;
}
