import type { ClientResource, InvitationResource, OrganizationResource, SessionResource } from '@orbital/core';
import { publicUser } from '../domain/accounts';
import { activeMembership, clientUat, type ClientState, type LiveSession } from '../domain/client-state';
import type { OrganizationRecord, InvitationRecord } from '../store/types';

/** The client as the browser client sees it. */
export function clientJson(state: ClientState | null): ClientResource | null {
  if (!state) return null;
  return {
    id: state.client.id,
    lastActiveSessionId: state.active?.session.id ?? null,
    uat: clientUat(state),
    sessions: state.sessions.map(sessionJson),
  };
}

export function sessionJson(live: LiveSession): SessionResource {
  const { session } = live;
  const active = activeMembership(live);
  return {
    id: session.id,
    status: session.status,
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
    expiresAt: live.expiresAt,
    user: publicUser(live.user),
    organization: active && { ...organizationJson(active.organization), role: active.role },
    memberships: live.memberships.map((m) => ({ organization: organizationJson(m.organization), role: m.role })),
  };
}

export function organizationJson(organization: OrganizationRecord): OrganizationResource {
  return { id: organization.id, name: organization.name, slug: organization.slug, createdAt: organization.createdAt };
}

/** An invitation as the API shows it: to admins of the organization, and to the invitee. */
export function invitationJson(
  invitation: InvitationRecord & { organization?: OrganizationRecord },
): Omit<InvitationResource, 'organization'> & Partial<Pick<InvitationResource, 'organization'>> {
  return {
    object: 'invitation',
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    ...(invitation.organization && { organization: organizationJson(invitation.organization) }),
  };
}
