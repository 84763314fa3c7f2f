import { ApiError } from '@orbital/core';
import type { PublicJwk } from '@orbital/core/server';
import type { VerificationPurpose } from '@orbital/core';

/** Statuses a session can have. Only `active` sessions can mint tokens. */
export type SessionStatus = 'active' | 'ended' | 'expired' | 'abandoned' | 'revoked';

export interface UserRecord {
  id: string;
  email: string;
  emailVerified: boolean;
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
  /** The private key, or (with key encryption on) that key sealed: `kid` and `alg` stay readable. */
  privateJwk: JsonWebKey & {
    kid: string;
    alg: PublicJwk['alg'];
    sealed?: { kek: string; iv: string; data: string; tag: string };
  };
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

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** An admin's invitation of an email address into an organization, with a role. */
export interface InvitationRecord {
  id: string;
  organizationId: string;
  /** Lower-cased; matched against the invitee's account email. */
  email: string;
  role: OrganizationRole;
  invitedBy: string;
  status: InvitationStatus;
  createdAt: number;
  expiresAt: number;
}

/** A client with its active sessions, each with its user and the user's memberships. */
export interface ClientGraph {
  client: ClientRecord;
  /** The origin the token it was loaded by is bound to (a development-browser token), or null. */
  tokenOrigin: string | null;
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
  /** False unless given: an address someone typed proves nothing. */
  emailVerified?: boolean;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  now: number;
}

export interface UserPatch {
  /** A new address (verified first): `identifier_taken` when another account has it. */
  email?: string;
  emailVerified?: boolean;
  firstName?: string | null;
  lastName?: string | null;
  passwordHash?: string;
  publicMetadata?: Record<string, unknown>;
}

/** A client change applied with its session changes, atomically. */
/** A code sent by email, waiting to be entered (or its link opened). Codes and link tokens are stored hashed. */
export interface VerificationRecord {
  id: string;
  purpose: VerificationPurpose;
  /** Where the code went: the new account's or new address, or the address a reset was asked for. */
  email: string;
  /** The account concerned; null for a sign-up, and for a reset asked for an address with no account. */
  userId: string | null;
  codeHash: string;
  tokenHash: string;
  /** A pending sign-up's hashed password and names. */
  payload: Record<string, unknown>;
  /** Wrong codes entered since the last code was sent. */
  attempts: number;
  /** Codes sent, the first included. */
  sends: number;
  createdAt: number;
  sentAt: number;
  expiresAt: number;
  consumedAt: number | null;
}

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
  /**
   * The client (by one of its tokens, or by id) with everything a client request needs, in one
   * read: a token refresh costs one round trip to the database, not one per session.
   */
  loadClientGraph(by: { tokenHash: string } | { clientId: string }): Promise<ClientGraph | null>;
  /**
   * Another token for the same client: a satellite's own first-party client cookie, or (with
   * `origin`) a development-browser token that only that origin may present.
   */
  addClientToken(clientId: string, tokenHash: string, now: number, origin?: string | null): Promise<void>;
  /**
   * Fresh credentials at sign-in, atomically: the presented token stops working, a new one (bound
   * to `origin`, or not) takes its place, and every development-browser token of the client goes.
   */
  replaceClientToken(change: {
    clientId: string;
    oldHash: string;
    newHash: string;
    origin: string | null;
    now: number;
  }): Promise<void>;
  /**
   * A token retired by `replaceClientToken` in the last minute: a second tab that signed in with
   * it at the same moment is told to retry with the new cookie, not given a client of its own.
   */
  findRetiredClientToken(tokenHash: string): Promise<{ clientId: string; retiredAt: number } | null>;

  /** A single-use code that hands this client to one satellite origin. */
  createSyncCode(code: SyncCodeRecord): Promise<void>;
  /** Takes the code out of the store (so it works once) and returns it, or null. */
  consumeSyncCode(codeHash: string): Promise<SyncCodeRecord | null>;

  /**
   * Inserts a session and makes it the client's active one — with `newUser`, creating that user in
   * the same transaction (sign-up is all or nothing: no account without its first session).
   */
  /**
   * Creates a session and makes it its client's active one, in one transaction with the user it
   * signs up (`newUser`) and the end of the sessions it replaces (`replaces`, as `ended`).
   */
  createSession(
    session: { id: string; clientId: string; userId: string; now: number },
    client: ClientChange,
    with_?: { newUser?: NewUser | undefined; replaces?: readonly string[] },
  ): Promise<SessionRecord>;
  findSession(id: string): Promise<SessionRecord | null>;
  /** Active sessions of a user across all clients. */
  listUserSessions(userId: string): Promise<SessionRecord[]>;
  /**
   * Records activity (a minted token) in the statement that checks the session is still active:
   * false when it has ended, however recently, so no token is minted for it.
   */
  touchSession(id: string, now: number): Promise<boolean>;
  /**
   * Ends active sessions with a status. Any client whose active session is among them is left
   * with none (`uat` = now) in the same transaction, even one that switched to it a moment ago.
   */
  endSessions(ids: readonly string[], status: Exclude<SessionStatus, 'active'>, now: number): Promise<void>;
  /**
   * Makes a session its client's active one, only while it is still active (checked under a lock
   * an ending session waits for); false when it has ended.
   */
  activateSession(change: ClientChange & { lastActiveSessionId: string }): Promise<boolean>;
  /** Marks a change of the client's state (`uat`) that apps must notice, such as an organization switch. */
  touchClient(clientId: string, now: number): Promise<void>;

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

  createInvitation(invitation: InvitationRecord): Promise<void>;
  findInvitation(id: string): Promise<InvitationRecord | null>;
  /** Pending, unexpired invitations: of an organization, or for an email address. */
  listPendingInvitations(
    by: { organizationId: string } | { email: string },
    now: number,
  ): Promise<Array<InvitationRecord & { organization: OrganizationRecord }>>;
  /**
   * Ends a pending invitation; accepting also adds the membership, atomically (an existing
   * membership keeps its role). False when it was no longer pending.
   */
  closeInvitation(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    now: number,
    member?: { userId: string },
  ): Promise<boolean>;

  createVerification(verification: VerificationRecord): Promise<void>;
  findVerification(id: string): Promise<VerificationRecord | null>;
  findVerificationByToken(tokenHash: string): Promise<VerificationRecord | null>;
  /** Counts a wrong code; returns the attempts so far, or null when it was used meanwhile. */
  countVerificationAttempt(id: string): Promise<number | null>;
  /** Marks it used; false when another request used it first (single use under races). */
  consumeVerification(id: string, now: number): Promise<boolean>;
  /** A new code and link (the old ones stop working), one more send, attempts from zero. */
  renewVerification(
    id: string,
    renewal: { codeHash: string; tokenHash: string; sentAt: number; expiresAt: number },
  ): Promise<void>;
  /** Forgets it: the message was never accepted for delivery. */
  deleteVerification(id: string): Promise<void>;

  listSigningKeys(): Promise<SigningKeyRecord[]>;
  /**
   * The first key for an algorithm: inserted only while no key of that algorithm is active (keys
   * of other algorithms retire), atomically. False when another instance got there first: adopt
   * its key rather than replace it.
   */
  createSigningKey(key: SigningKeyRecord, now: number): Promise<boolean>;
  /** Replaces a key's stored private part (re-encrypted under a new key-encryption key). */
  updateSigningKeyPrivate(kid: string, privateJwk: SigningKeyRecord['privateJwk']): Promise<void>;
  /** Inserts a key and retires every other active key, atomically. */
  rotateSigningKey(key: SigningKeyRecord, now: number): Promise<void>;
  deleteSigningKeys(kids: readonly string[]): Promise<void>;
}

/** Seconds a retired client token is remembered, to tell a racing tab from a stranger. */
export const RETIRED_TOKEN_TTL = 60;

/** The database does not answer (down, restarting, hung): the caller may retry. */
export function storeUnavailable(cause: unknown): ApiError {
  return new ApiError(
    503,
    'store_unavailable',
    'The auth server cannot reach its database right now. Retry in a few seconds.',
    { cause, retryAfter: 5 },
  );
}

/** Another tab of the same browser signed in at the same moment and got the new token first. */
export function clientChanged(): ApiError {
  return new ApiError(
    409,
    'client_changed',
    'This browser signed in from another tab at the same moment. Try again: it will use the new session.',
  );
}

export function slugTaken(): ApiError {
  return new ApiError(422, 'organization_slug_taken', 'An organization already uses this slug: choose another.');
}

export function identifierTaken(): ApiError {
  return new ApiError(
    422,
    'identifier_taken',
    'An account with this email already exists. Sign in instead, or use another email.',
  );
}
