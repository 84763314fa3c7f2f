import type { InvitationRecord, InvitationStatus, OrganizationRecord } from '../types';
import { copy, memberKey, type MemoryState } from './state';

export async function createInvitation(db: MemoryState, invitation: InvitationRecord): Promise<void> {
  db.invitations.set(invitation.id, structuredClone(invitation));
}

export async function findInvitation(db: MemoryState, id: string): Promise<InvitationRecord | null> {
  return copy(db.invitations.get(id));
}

export async function listPendingInvitations(
  db: MemoryState,
  by: { organizationId: string } | { email: string },
  now: number,
): Promise<Array<InvitationRecord & { organization: OrganizationRecord }>> {
  return [...db.invitations.values()]
    .filter(
      (i) =>
        i.status === 'pending' &&
        i.expiresAt > now &&
        ('email' in by ? i.email === by.email : i.organizationId === by.organizationId) &&
        db.organizations.has(i.organizationId),
    )
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((i) => ({ ...structuredClone(i), organization: structuredClone(db.organizations.get(i.organizationId)!) }));
}

export async function closeInvitation(
  db: MemoryState,
  id: string,
  status: Exclude<InvitationStatus, 'pending'>,
  now: number,
  member?: { userId: string },
): Promise<boolean> {
  const invitation = db.invitations.get(id);
  if (!invitation || invitation.status !== 'pending') return false;
  invitation.status = status;
  const key = member && memberKey(invitation.organizationId, member.userId);
  if (member && key && !db.memberships.has(key)) {
    db.memberships.set(key, {
      organizationId: invitation.organizationId,
      userId: member.userId,
      role: invitation.role,
      createdAt: now,
    });
  }
  return true;
}
