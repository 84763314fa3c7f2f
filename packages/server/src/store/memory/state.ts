import type {
  ClientChange,
  ClientRecord,
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  SessionRecord,
  SigningKeyRecord,
  SyncCodeRecord,
  UserRecord,
  VerificationRecord,
} from '../types';

/** The memory store's tables. Operations hand out copies: a caller's edit never changes a stored row. */
export interface MemoryState {
  users: Map<string, UserRecord>;
  clients: Map<string, ClientRecord>;
  /** Client tokens beyond the client's own: per satellite or development browser. */
  extraTokens: Map<string, { clientId: string; origin: string | null }>;
  retiredTokens: Map<string, { clientId: string; retiredAt: number }>;
  syncCodes: Map<string, SyncCodeRecord>;
  sessions: Map<string, SessionRecord>;
  organizations: Map<string, OrganizationRecord>;
  /** Keyed by {@link memberKey}. */
  memberships: Map<string, MembershipRecord>;
  invitations: Map<string, InvitationRecord>;
  signingKeys: Map<string, SigningKeyRecord>;
  verifications: Map<string, VerificationRecord>;
}

export function createMemoryState(): MemoryState {
  return {
    users: new Map(),
    clients: new Map(),
    extraTokens: new Map(),
    retiredTokens: new Map(),
    syncCodes: new Map(),
    sessions: new Map(),
    organizations: new Map(),
    memberships: new Map(),
    invitations: new Map(),
    signingKeys: new Map(),
    verifications: new Map(),
  };
}

export const copy = <T>(value: T | undefined): T | null => (value ? structuredClone(value) : null);

export const memberKey = (organizationId: string, userId: string) => `${organizationId} ${userId}`;

export function applyClientChange(db: MemoryState, change: ClientChange): void {
  const client = db.clients.get(change.clientId);
  if (client) Object.assign(client, { lastActiveSessionId: change.lastActiveSessionId, uat: change.uat });
}

/** Sessions acting for an organization (or only a user's sessions) act for none. */
export function stopActingFor(db: MemoryState, organizationId: string, userId?: string): void {
  for (const session of db.sessions.values()) {
    if (session.activeOrganizationId === organizationId && (!userId || session.userId === userId))
      session.activeOrganizationId = null;
  }
}
