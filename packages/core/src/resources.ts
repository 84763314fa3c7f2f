import type { LifetimePolicy } from './lifetime';

// What the auth server sends the browser client over the wire: the server's views produce these
// types and the browser client consumes them, so the compiler holds the two ends together.

export interface UserResource {
  id: string;
  email: string;
  /** Whether the user proved they receive mail at `email` (a code or link sent there). */
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  publicMetadata: Record<string, unknown>;
  createdAt: number;
}

export interface OrganizationResource {
  id: string;
  name: string;
  slug: string;
  createdAt: number;
}

export interface MembershipResource {
  organization: OrganizationResource;
  role: 'admin' | 'member';
}

/** A pending invitation into an organization, for the signed-in user's email address. */
export interface InvitationResource {
  object: 'invitation';
  id: string;
  email: string;
  role: string;
  /** Unix seconds. */
  expiresAt: number;
  organization: Pick<OrganizationResource, 'id' | 'name' | 'slug'>;
}

export interface SessionResource {
  id: string;
  /** The organization this session acts for, with the user's role; null for the personal account. */
  organization: (OrganizationResource & { role: 'admin' | 'member' }) | null;
  /** Every organization the user belongs to. */
  memberships: MembershipResource[];
  status: string;
  createdAt: number;
  lastActiveAt: number;
  /** Unix seconds when the session ends unless used again (or at its maximum lifetime). */
  expiresAt: number;
  user: UserResource;
}

export interface ClientResource {
  id: string;
  lastActiveSessionId: string | null;
  uat: number;
  sessions: SessionResource[];
}

/** `GET /v1/environment`: how this auth server is configured, as far as a browser may know. */
export interface EnvironmentResource {
  authServerUrl: string;
  mode: 'development' | 'production';
  multiSession: boolean;
  tokenTtl: number;
  /** Seconds, `null` where off. */
  lifetime: LifetimePolicy;
  signInUrl: string;
  signUpUrl: string;
  userProfileUrl: string;
}

/** What a code sent by email confirms: a new account, a password reset, or a new address. */
export type VerificationPurpose = 'sign_up' | 'password_reset' | 'email_change';

/** A step waiting for the six-digit code (or the link) sent to `email`. */
export interface VerificationResource {
  id: string;
  purpose: VerificationPurpose;
  /** Where the code was sent. */
  email: string;
  /** Unix seconds: the code works until then. */
  expiresAt: number;
  /** Unix seconds: a new code may be asked for from then. */
  resendAfter: number;
}
