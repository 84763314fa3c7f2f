import type { PublicJwk } from '@orbital/core/server';

/** Statuses a session can have. Only `active` sessions can mint tokens. */
export type SessionStatus = 'active' | 'ended' | 'expired' | 'abandoned' | 'revoked';

export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  publicMetadata: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface ClientRecord {
  id: string;
  tokenHash: string;
  lastActiveSessionId: string | null;
  /** Unix seconds of the last sign-in/out change; 0 when no session is active. */
  uat: number;
  createdAt: number;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
  /** The organization this session acts for, if any. */
  activeOrganizationId: string | null;
  createdAt: number;
  lastActiveAt: number;
  endedAt: number | null;
}

export interface SigningKeyRecord {
  kid: string;
  privateJwk: JsonWebKey & { kid: string; alg: PublicJwk['alg'] };
  publicJwk: PublicJwk;
  createdAt: number;
  /** When a newer key took over; the key stays published until its last tokens expired. */
  retiredAt: number | null;
}

export type OrganizationRole = 'admin' | 'member';

export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  createdAt: number;
}

export interface MembershipRecord {
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  createdAt: number;
}

export type UserMembership = MembershipRecord & { organization: OrganizationRecord };

/** A client with its active sessions, each with its user and the user's memberships. */
export interface ClientGraph {
  client: ClientRecord;
  /** Oldest first. */
  sessions: Array<{ session: SessionRecord; user: UserRecord; memberships: UserMembership[] }>;
}

export interface SyncCodeRecord {
  codeHash: string;
  clientId: string;
  /** The satellite origin the code was issued for; redeeming it for another origin fails. */
  origin: string;
  expiresAt: number;
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  now: number;
}

export interface UserPatch {
  firstName?: string | null;
  lastName?: string | null;
  passwordHash?: string;
  publicMetadata?: Record<string, unknown>;
}

/** A client change applied with its session changes, atomically. */
export interface ClientChange {
  clientId: string;
  /** The session to make active (null: none), and the new `uat`. */
  lastActiveSessionId: string | null;
  uat: number;
}

/**
 * Everything the auth server persists, behind one interface: in-memory for tests, SQL on PGlite
 * (embedded default) or PostgreSQL. Methods that change more than one row are atomic.
 */
export interface Store {
  /** Creates tables and runs pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Throws `ApiError('identifier_taken')` when the email exists. */
  createUser(user: NewUser): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord>;

  createClient(client: { id: string; tokenHash: string; now: number }): Promise<ClientRecord>;
  findClient(id: string): Promise<ClientRecord | null>;
  /**
   * The client (by one of its tokens, or by id) with everything a client request needs, in one
   * read: a token refresh costs one round trip to the database, not one per session.
   */
  loadClientGraph(by: { tokenHash: string } | { clientId: string }): Promise<ClientGraph | null>;
  /** Another token for the same client: a satellite's own first-party client cookie. */
  addClientToken(clientId: string, tokenHash: string, now: number): Promise<void>;

  /** A single-use code that hands this client to one satellite origin. */
  createSyncCode(code: SyncCodeRecord): Promise<void>;
  /** Takes the code out of the store (so it works once) and returns it, or null. */
  consumeSyncCode(codeHash: string): Promise<SyncCodeRecord | null>;

  /** Inserts a session and makes it the client's active one. */
  createSession(session: { id: string; clientId: string; userId: string; now: number }, client: ClientChange): Promise<SessionRecord>;
  findSession(id: string): Promise<SessionRecord | null>;
  /** Active sessions of a user across all clients. */
  listUserSessions(userId: string): Promise<SessionRecord[]>;
  /** Records activity (a minted token). */
  touchSession(id: string, now: number): Promise<void>;
  /** Ends active sessions with a status, and optionally updates their client, atomically. */
  endSessions(ids: readonly string[], status: Exclude<SessionStatus, 'active'>, now: number, client?: ClientChange): Promise<void>;
  /** Changes which session is the client's active one. */
  updateClient(change: ClientChange): Promise<void>;

  /** Creates an organization with its creator as admin; `organization_slug_taken` when the slug exists. */
  createOrganization(organization: OrganizationRecord, creatorId: string): Promise<OrganizationRecord>;
  findOrganization(id: string): Promise<OrganizationRecord | null>;
  findOrganizationBySlug(slug: string): Promise<OrganizationRecord | null>;
  renameOrganization(id: string, name: string): Promise<void>;
  /** Deletes it with its memberships; sessions acting for it act for none. */
  deleteOrganization(id: string): Promise<void>;
  listMembers(organizationId: string): Promise<MembershipRecord[]>;
  listUserMemberships(userId: string): Promise<UserMembership[]>;
  /** Adds a member or changes their role. */
  putMembership(membership: MembershipRecord): Promise<void>;
  /** Removes a member; their sessions stop acting for the organization. */
  removeMembership(organizationId: string, userId: string): Promise<void>;
  setSessionOrganization(sessionId: string, organizationId: string | null): Promise<void>;

  listSigningKeys(): Promise<SigningKeyRecord[]>;
  /** Inserts a key and retires every other active key, atomically. */
  rotateSigningKey(key: SigningKeyRecord, now: number): Promise<void>;
  deleteSigningKeys(kids: readonly string[]): Promise<void>;
}
