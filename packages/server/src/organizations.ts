import { ApiError } from '@orbital/core';
import type { ServerContext } from './context';
import { randomId } from './random';
import type { MembershipRecord, OrganizationRecord, OrganizationRole, UserRecord } from './store/types';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/;

/** `Acme Inc.` -> `acme-inc` */
export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
}

export async function createOrganization(ctx: ServerContext, user: UserRecord, input: { name?: string | undefined; slug?: string | undefined }): Promise<OrganizationRecord> {
  const name = input.name?.trim() ?? '';
  if (name.length < 2 || name.length > 100) throw new ApiError(422, 'organization_invalid', 'Give the organization a name of 2 to 100 characters.');
  const slug = (input.slug?.trim() || slugify(name)).toLowerCase();
  if (!SLUG.test(slug) || slug === 'new') throw new ApiError(422, 'organization_invalid', 'The slug must be 3 to 50 lower-case letters, digits or dashes, starting and ending with a letter or digit.');
  return ctx.store.createOrganization({ id: randomId('org'), name, slug, createdAt: ctx.options.now() }, user.id);
}

/**
 * The organization and the caller's membership. Someone who is not a member gets the same 404 as
 * for an organization that does not exist: strangers learn nothing.
 */
export async function membershipOf(ctx: ServerContext, user: UserRecord, idOrSlug: string): Promise<{ organization: OrganizationRecord; membership: MembershipRecord }> {
  const organization = (await ctx.store.findOrganization(idOrSlug)) ?? (await ctx.store.findOrganizationBySlug(idOrSlug));
  const membership = organization && (await ctx.store.listMembers(organization.id)).find((m) => m.userId === user.id);
  if (!organization || !membership) throw new ApiError(404, 'organization_not_found', 'No organization with this id or slug that you belong to.');
  return { organization, membership };
}

export function requireAdmin(membership: MembershipRecord): void {
  if (membership.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only an admin of this organization can do that.');
}

export function parseRole(value: unknown): OrganizationRole {
  if (value !== 'admin' && value !== 'member') throw new ApiError(422, 'organization_invalid', 'A role is "admin" or "member".');
  return value;
}

/** Adds an existing user by email, or changes a member's role. The last admin stays an admin. */
export async function putMember(ctx: ServerContext, organization: OrganizationRecord, target: { email?: string; userId?: string }, role: OrganizationRole): Promise<void> {
  const user = target.userId ? await ctx.store.findUserById(target.userId) : await ctx.store.findUserByEmail(target.email ?? '');
  if (!user) throw new ApiError(404, 'identifier_not_found', 'No account with that email: they need to sign up first.');
  const members = await ctx.store.listMembers(organization.id);
  const existing = members.find((m) => m.userId === user.id);
  if (existing?.role === 'admin' && role === 'member' && members.filter((m) => m.role === 'admin').length === 1) throw lastAdmin();
  await ctx.store.putMembership({ organizationId: organization.id, userId: user.id, role, createdAt: ctx.options.now() });
}

/** Removes a member (an admin removing someone, or anyone leaving). The last admin cannot go. */
export async function removeMember(ctx: ServerContext, organization: OrganizationRecord, userId: string): Promise<void> {
  const members = await ctx.store.listMembers(organization.id);
  const leaving = members.find((m) => m.userId === userId);
  if (!leaving) throw new ApiError(404, 'organization_not_found', 'That user is not a member of this organization.');
  if (leaving.role === 'admin' && members.filter((m) => m.role === 'admin').length === 1) throw lastAdmin();
  await ctx.store.removeMembership(organization.id, userId);
}

function lastAdmin(): ApiError {
  return new ApiError(409, 'last_admin', 'An organization needs at least one admin: make someone else an admin first, or delete the organization.');
}
