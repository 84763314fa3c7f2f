import { ApiError } from '@orbital/core';
import type { ServerContext } from './context';
import { randomId } from './random';
import type { MembershipRecord, OrganizationRecord, OrganizationRole, UserRecord } from './store/types';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/;

/** `Acme Inc.` -> `acme-inc` */
export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
}

/** The caller's view of one organization: it, and their membership in it. */
export interface Membership {
  organization: OrganizationRecord;
  membership: MembershipRecord;
}

function organizationName(raw: string | null | undefined): string {
  const name = raw?.trim() ?? '';
  if (name.length < 2 || name.length > 100) throw new ApiError(422, 'organization_invalid', 'Give the organization a name of 2 to 100 characters.');
  return name;
}

export async function createOrganization(ctx: ServerContext, user: UserRecord, input: { name?: string | undefined; slug?: string | undefined }): Promise<OrganizationRecord> {
  const name = organizationName(input.name);
  const slug = (input.slug?.trim() || slugify(name)).toLowerCase();
  if (!SLUG.test(slug) || slug === 'new') throw new ApiError(422, 'organization_invalid', 'The slug must be 3 to 50 lower-case letters, digits or dashes, starting and ending with a letter or digit.');
  return ctx.store.createOrganization({ id: randomId('org'), name, slug, createdAt: ctx.options.now() }, user.id);
}

/**
 * The organization and the caller's membership. Someone who is not a member gets the same 404 as
 * for an organization that does not exist: strangers learn nothing.
 */
export async function membershipOf(ctx: ServerContext, user: UserRecord, idOrSlug: string): Promise<Membership> {
  const organization = (await ctx.store.findOrganization(idOrSlug)) ?? (await ctx.store.findOrganizationBySlug(idOrSlug));
  const membership = organization && (await ctx.store.listMembers(organization.id)).find((m) => m.userId === user.id);
  if (!organization || !membership) throw new ApiError(404, 'organization_not_found', 'No organization with this id or slug that you belong to.');
  return { organization, membership };
}

function requireAdmin({ membership }: Membership): void {
  if (membership.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only an admin of this organization can do that.');
}

export function parseRole(value: unknown): OrganizationRole {
  if (value !== 'admin' && value !== 'member') throw new ApiError(422, 'organization_invalid', 'A role is "admin" or "member".');
  return value;
}

export async function renameOrganization(ctx: ServerContext, found: Membership, name: string | null | undefined): Promise<void> {
  requireAdmin(found);
  await ctx.store.renameOrganization(found.organization.id, organizationName(name));
}

export async function deleteOrganization(ctx: ServerContext, found: Membership): Promise<void> {
  requireAdmin(found);
  await ctx.store.deleteOrganization(found.organization.id);
}

/** Admins add an existing user by email, or change a member's role. The last admin stays an admin. */
export async function putMember(ctx: ServerContext, found: Membership, target: { email?: string; userId?: string }, role: OrganizationRole): Promise<void> {
  requireAdmin(found);
  const { organization } = found;
  const user = target.userId ? await ctx.store.findUserById(target.userId) : await ctx.store.findUserByEmail(target.email ?? '');
  if (!user) throw new ApiError(404, 'identifier_not_found', 'No account with that email: they need to sign up first.');
  const members = await ctx.store.listMembers(organization.id);
  const existing = members.find((m) => m.userId === user.id);
  if (existing?.role === 'admin' && role === 'member' && members.filter((m) => m.role === 'admin').length === 1) throw lastAdmin();
  await ctx.store.putMembership({ organizationId: organization.id, userId: user.id, role, createdAt: ctx.options.now() });
}

/** Removes a member: admins remove anyone, everyone may leave. The last admin cannot go. */
export async function removeMember(ctx: ServerContext, found: Membership, userId: string): Promise<void> {
  if (userId !== found.membership.userId) requireAdmin(found);
  const { organization } = found;
  const members = await ctx.store.listMembers(organization.id);
  const leaving = members.find((m) => m.userId === userId);
  if (!leaving) throw new ApiError(404, 'organization_not_found', 'That user is not a member of this organization.');
  if (leaving.role === 'admin' && members.filter((m) => m.role === 'admin').length === 1) throw lastAdmin();
  await ctx.store.removeMembership(organization.id, userId);
}

function lastAdmin(): ApiError {
  return new ApiError(409, 'last_admin', 'An organization needs at least one admin: make someone else an admin first, or delete the organization.');
}
