/** What the auth server tells the browser client, as it arrives over the wire. */
export interface UserResource {
  id: string;
  email: string;
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

export interface EnvironmentResource {
  authServerUrl: string;
  mode: 'development' | 'production';
  multiSession: boolean;
  tokenTtl: number;
  signInUrl: string;
  signUpUrl: string;
  userProfileUrl: string;
}

/** The browser client's observable state; a new object on every change, so it can be compared by identity. */
export interface OrbitalState {
  isLoaded: boolean;
  client: ClientResource | null;
  sessions: SessionResource[];
  /** The active session, or null when signed out (or when none is chosen yet). */
  session: SessionResource | null;
  user: UserResource | null;
  /** The active session's organization, or null. */
  organization: SessionResource['organization'];
}

export function toState(client: ClientResource | null, isLoaded: boolean): OrbitalState {
  const session = client?.sessions.find((s) => s.id === client.lastActiveSessionId) ?? null;
  return { isLoaded, client, sessions: client?.sessions ?? [], session, user: session?.user ?? null, organization: session?.organization ?? null };
}
