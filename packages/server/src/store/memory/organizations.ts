import { slugTaken, type MembershipRecord, type OrganizationRecord, type UserMembership } from '../types';
import { copy, memberKey, stopActingFor, type MemoryState } from './state';

export async function createOrganization(
  db: MemoryState,
  organization: OrganizationRecord,
  creatorId: string,
): Promise<OrganizationRecord> {
  if ([...db.organizations.values()].some((o) => o.slug === organization.slug)) throw slugTaken();
  db.organizations.set(organization.id, structuredClone(organization));
  db.memberships.set(memberKey(organization.id, creatorId), {
    organizationId: organization.id,
    userId: creatorId,
    role: 'admin',
    createdAt: organization.createdAt,
  });
  return structuredClone(organization);
}

export async function findOrganization(db: MemoryState, id: string): Promise<OrganizationRecord | null> {
  return copy(db.organizations.get(id));
}

export async function findOrganizationBySlug(db: MemoryState, slug: string): Promise<OrganizationRecord | null> {
  return copy([...db.organizations.values()].find((o) => o.slug === slug));
}

export async function renameOrganization(db: MemoryState, id: string, name: string): Promise<void> {
  const organization = db.organizations.get(id);
  if (organization) organization.name = name;
}

export async function deleteOrganization(db: MemoryState, id: string): Promise<void> {
  db.organizations.delete(id);
  for (const [key, m] of db.memberships) if (m.organizationId === id) db.memberships.delete(key);
  stopActingFor(db, id);
}

export async function listMembers(db: MemoryState, organizationId: string): Promise<MembershipRecord[]> {
  return [...db.memberships.values()]
    .filter((m) => m.organizationId === organizationId)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((m) => structuredClone(m));
}

export async function listUserMemberships(db: MemoryState, userId: string): Promise<UserMembership[]> {
  return [...db.memberships.values()]
    .filter((m) => m.userId === userId)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((m) => ({ ...structuredClone(m), organization: structuredClone(db.organizations.get(m.organizationId)!) }));
}

export async function putMembership(db: MemoryState, membership: MembershipRecord): Promise<void> {
  const key = memberKey(membership.organizationId, membership.userId);
  db.memberships.set(key, { ...membership, createdAt: db.memberships.get(key)?.createdAt ?? membership.createdAt });
}

export async function removeMembership(db: MemoryState, organizationId: string, userId: string): Promise<void> {
  db.memberships.delete(memberKey(organizationId, userId));
  stopActingFor(db, organizationId, userId);
}

export async function setSessionOrganization(
  db: MemoryState,
  sessionId: string,
  organizationId: string | null,
): Promise<void> {
  const session = db.sessions.get(sessionId);
  if (session) session.activeOrganizationId = organizationId;
}
