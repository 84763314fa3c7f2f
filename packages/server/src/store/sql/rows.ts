import type {
  ClientRecord,
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  SessionRecord,
  SigningKeyRecord,
  UserRecord,
  VerificationRecord,
} from '../types';

/** A row as the drivers return it: PGlite and node-postgres differ on bigint and json columns. */
export type Row = Record<string, unknown>;

export const one = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;
export const num = (value: unknown) => Number(value);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
export const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
/** PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export function toUser(row: Row): UserRecord {
  return {
    id: row.id as string,
    email: row.email as string,
    emailVerified: row.email_verified === true,
    passwordHash: row.password_hash as string,
    firstName: (row.first_name as string | null) ?? null,
    lastName: (row.last_name as string | null) ?? null,
    publicMetadata: json(row.public_metadata ?? {}),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  };
}

export function toClient(row: Row): ClientRecord {
  return {
    id: row.id as string,
    tokenHash: row.token_hash as string,
    lastActiveSessionId: (row.last_active_session_id as string | null) ?? null,
    uat: num(row.uat),
    createdAt: num(row.created_at),
  };
}

export function toSession(row: Row): SessionRecord {
  return {
    id: row.id as string,
    clientId: row.client_id as string,
    userId: row.user_id as string,
    status: row.status as SessionRecord['status'],
    activeOrganizationId: (row.active_organization_id as string | null) ?? null,
    createdAt: num(row.created_at),
    lastActiveAt: num(row.last_active_at),
    endedAt: numOrNull(row.ended_at),
  };
}

export function toOrganization(row: Row): OrganizationRecord {
  return { id: row.id as string, name: row.name as string, slug: row.slug as string, createdAt: num(row.created_at) };
}

/** The organization joined onto a membership or invitation row (`name`, `slug`, `organization_created_at`). */
export function joinedOrganization(row: Row): OrganizationRecord {
  return {
    id: row.organization_id as string,
    name: row.name as string,
    slug: row.slug as string,
    createdAt: num(row.organization_created_at),
  };
}

export function toMembership(row: Row): MembershipRecord {
  return {
    organizationId: row.organization_id as string,
    userId: row.user_id as string,
    role: row.role as MembershipRecord['role'],
    createdAt: num(row.created_at),
  };
}

export function toInvitation(row: Row): InvitationRecord {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    email: row.email as string,
    role: row.role as InvitationRecord['role'],
    invitedBy: row.invited_by as string,
    status: row.status as InvitationRecord['status'],
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
  };
}

export function toSigningKey(row: Row): SigningKeyRecord {
  return {
    kid: row.kid as string,
    privateJwk: json(row.private_jwk),
    publicJwk: json(row.public_jwk),
    createdAt: num(row.created_at),
    retiredAt: numOrNull(row.retired_at),
  };
}

export function toVerification(row: Row): VerificationRecord {
  return {
    id: row.id as string,
    purpose: row.purpose as VerificationRecord['purpose'],
    email: row.email as string,
    userId: (row.user_id as string | null) ?? null,
    codeHash: row.code_hash as string,
    tokenHash: row.token_hash as string,
    payload: json(row.payload ?? {}),
    attempts: num(row.attempts),
    sends: num(row.sends),
    createdAt: num(row.created_at),
    sentAt: num(row.sent_at),
    expiresAt: num(row.expires_at),
    consumedAt: numOrNull(row.consumed_at),
  };
}
