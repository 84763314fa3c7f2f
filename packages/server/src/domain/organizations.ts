import { ApiError } from '@orbital/core';
import { normalizeEmail } from './accounts';
import type { ServerContext } from '../context';
import { sendEmail } from '../email/send';
import { invitationEmail } from '../email/templates';
import { randomId } from '../security/tokens';
import type {
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  OrganizationRole,
  UserRecord,
} from '../store/types';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/;

/** `Acme Inc.` -> `acme-inc` */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** The caller's view of one organization: it, and their membership in it. */
export interface Membership {
  organization: OrganizationRecord;
  membership: MembershipRecord;
}

function organizationName(raw: string | null | undefined): string {
  const name = raw?.trim() ?? '';
  if (name.length < 2 || name.length > 100)
    throw new ApiError(422, 'organization_invalid', 'Give the organization a name of 2 to 100 characters.');
  return name;
}

export async function createOrganization(
  ctx: ServerContext,
  user: UserRecord,
  input: { name?: string | undefined; slug?: string | undefined },
): Promise<OrganizationRecord> {
  const name = organizationName(input.name);
  const slug = (input.slug?.trim() || slugify(name)).toLowerCase();
  if (!SLUG.test(slug) || slug === 'new')
    throw new ApiError(
      422,
      'organization_invalid',
      'The slug must be 3 to 50 lower-case letters, digits or dashes, starting and ending with a letter or digit.',
    );
  return ctx.store.createOrganization(
    { id: randomId('org'), name, slug, createdAt: ctx.options.nowSeconds() },
    user.id,
  );
}

/**
 * The organization and the caller's membership. Someone who is not a member gets the same 404 as
 * for an organization that does not exist: strangers learn nothing.
 */
export async function membershipOf(ctx: ServerContext, user: UserRecord, idOrSlug: string): Promise<Membership> {
  const organization =
    (await ctx.store.findOrganization(idOrSlug)) ?? (await ctx.store.findOrganizationBySlug(idOrSlug));
  const membership = organization && (await ctx.store.listMembers(organization.id)).find((m) => m.userId === user.id);
  if (!organization || !membership)
    throw new ApiError(404, 'organization_not_found', 'No organization with this id or slug that you belong to.');
  return { organization, membership };
}

function requireAdmin({ membership }: Membership): void {
  if (membership.role !== 'admin')
    throw new ApiError(403, 'forbidden', 'Only an admin of this organization can do that.');
}

export function parseRole(value: unknown): OrganizationRole {
  if (value !== 'admin' && value !== 'member')
    throw new ApiError(422, 'organization_invalid', 'A role is "admin" or "member".');
  return value;
}

export async function renameOrganization(
  ctx: ServerContext,
  found: Membership,
  name: string | null | undefined,
): Promise<void> {
  requireAdmin(found);
  await ctx.store.renameOrganization(found.organization.id, organizationName(name));
}

export async function deleteOrganization(ctx: ServerContext, found: Membership): Promise<void> {
  requireAdmin(found);
  await ctx.store.deleteOrganization(found.organization.id);
}

/** Admins change a member's role. The last admin stays an admin. */
export async function setMemberRole(
  ctx: ServerContext,
  found: Membership,
  userId: string,
  role: OrganizationRole,
): Promise<void> {
  requireAdmin(found);
  const { organization } = found;
  const members = await ctx.store.listMembers(organization.id);
  const existing = members.find((m) => m.userId === userId);
  if (!existing) throw new ApiError(404, 'organization_not_found', 'That user is not a member of this organization.');
  if (existing.role === 'admin' && role === 'member' && members.filter((m) => m.role === 'admin').length === 1)
    throw lastAdmin();
  await ctx.store.putMembership({ ...existing, role });
}

/** Seven days to answer an invitation. */
export const INVITATION_TTL = 7 * 24 * 60 * 60;
/** Invitations one admin may send per hour: enough for onboarding a team, too few to probe. */
const INVITATIONS_PER_HOUR = { limit: 20, window: 60 * 60 };

/**
 * Admins invite an email address with a role. Whether an account has that email changes nothing
 * in the answer (no one learns who has an account), and nobody becomes a member without saying yes.
 */
export async function inviteMember(
  ctx: ServerContext,
  found: Membership,
  email: string | undefined,
  role: OrganizationRole,
): Promise<InvitationRecord> {
  requireAdmin(found);
  const now = ctx.options.nowSeconds();
  const address = normalizeEmail(email);
  await ctx.shared.limiter.hit(`invite:${found.membership.userId}`, INVITATIONS_PER_HOUR, now);
  const invitation: InvitationRecord = {
    id: randomId('inv'),
    organizationId: found.organization.id,
    email: address,
    role,
    invitedBy: found.membership.userId,
    status: 'pending',
    createdAt: now,
    expiresAt: now + INVITATION_TTL,
  };
  await ctx.store.createInvitation(invitation);
  try {
    await sendEmail(
      ctx,
      address,
      invitationEmail({
        appName: ctx.options.appName,
        organizationName: found.organization.name,
        role,
        link: `${ctx.options.pages.userProfileUrl}?invitation=${encodeURIComponent(invitation.id)}`,
      }),
    );
  } catch (error) {
    // An invitation nobody can hear of is not left pending.
    await ctx.store.closeInvitation(invitation.id, 'revoked', now);
    throw error;
  }
  return invitation;
}

/** The organization's pending invitations: admins only. */
export async function pendingInvitations(ctx: ServerContext, found: Membership) {
  requireAdmin(found);
  return ctx.store.listPendingInvitations({ organizationId: found.organization.id }, ctx.options.nowSeconds());
}

export async function revokeInvitation(ctx: ServerContext, found: Membership, invitationId: string): Promise<void> {
  requireAdmin(found);
  const invitation = await ctx.store.findInvitation(invitationId);
  if (
    !invitation ||
    invitation.organizationId !== found.organization.id ||
    !(await ctx.store.closeInvitation(invitationId, 'revoked', ctx.options.nowSeconds()))
  ) {
    throw new ApiError(404, 'not_found', 'No pending invitation with this id in this organization.');
  }
}

/** Invitations waiting for this user (by the account's email). */
export function invitationsFor(ctx: ServerContext, user: UserRecord) {
  return ctx.store.listPendingInvitations({ email: user.email }, ctx.options.nowSeconds());
}

/** Accepts (joining with the invited role) or declines one of the user's own pending invitations. */
export async function answerInvitation(
  ctx: ServerContext,
  user: UserRecord,
  invitationId: string,
  answer: 'accepted' | 'declined',
): Promise<void> {
  const now = ctx.options.nowSeconds();
  const invitation = await ctx.store.findInvitation(invitationId);
  const mine =
    invitation && invitation.email === user.email && invitation.status === 'pending' && invitation.expiresAt > now;
  if (
    !mine ||
    !(await ctx.store.closeInvitation(
      invitationId,
      answer,
      now,
      answer === 'accepted' ? { userId: user.id } : undefined,
    ))
  ) {
    throw new ApiError(
      404,
      'not_found',
      'No pending invitation with this id for you: it may have expired or been revoked.',
    );
  }
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
  return new ApiError(
    409,
    'last_admin',
    'An organization needs at least one admin: make someone else an admin first, or delete the organization.',
  );
}
