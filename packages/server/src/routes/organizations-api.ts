import { ApiError } from '@orbital/core';
import { publicUser } from '../domain/accounts';
import { requireClient, writeClientCookies } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http/exchange';
import {
  answerInvitation,
  createOrganization,
  deleteOrganization,
  invitationsFor,
  inviteMember,
  membershipOf,
  parseRole,
  pendingInvitations,
  removeMember,
  renameOrganization,
  revokeInvitation,
  setMemberRole,
} from '../domain/organizations';
import type { Route } from '../http/router';
import { findSession } from '../domain/sessions';
import { requireActive } from './me-api';
import { clientJson, invitationJson, organizationJson } from './views';

type Active = Awaited<ReturnType<typeof requireActive>>;

/** A change made by the signed-in user: from a trusted origin only. */
async function signedInChange(ctx: ServerContext, exchange: Exchange): Promise<Active> {
  assertTrustedOrigin(exchange, ctx.options);
  return requireActive(ctx, exchange);
}

/** `POST /v1/organizations`: a new organization; its creator becomes its admin. */
export async function createOrganizationRoute(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  const body = await readJson(exchange.request);
  const organization = await createOrganization(ctx, active.user, {
    name: stringField(body, 'name', 100),
    slug: stringField(body, 'slug', 50),
  });
  return json(exchange, { organization: organizationJson(organization), role: 'admin' }, 201);
}

/** `GET /v1/me/organizations`: the organizations the user belongs to, with their role. */
export async function listMyOrganizations(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await requireActive(ctx, exchange);
  const memberships = await ctx.store.listUserMemberships(active.user.id);
  return json(exchange, {
    memberships: memberships.map((m) => ({ organization: organizationJson(m.organization), role: m.role })),
  });
}

/** `GET /v1/organizations/:id`: an organization the user belongs to, with its members. */
export async function getOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return organizationDetail(ctx, exchange, exchange.params.id!, (await requireActive(ctx, exchange)).user.id);
}

/** `PATCH /v1/organizations/:id`: renames it (admins). */
export async function updateOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  const found = await membershipOf(ctx, active.user, exchange.params.id!);
  await renameOrganization(ctx, found, stringField(await readJson(exchange.request), 'name', 100));
  return organizationDetail(ctx, exchange, found.organization.id, active.user.id);
}

/** `DELETE /v1/organizations/:id` (admins). */
export async function deleteOrganizationRoute(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  const found = await membershipOf(ctx, active.user, exchange.params.id!);
  await deleteOrganization(ctx, found);
  return json(exchange, { deleted: found.organization.id });
}

/** `POST /v1/organizations/:id/invitations`: invites an email address with a role (admins). */
export async function createInvitation(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  const found = await membershipOf(ctx, active.user, exchange.params.id!);
  const body = await readJson(exchange.request);
  const invitation = await inviteMember(ctx, found, stringField(body, 'email', 254), parseRole(body.role ?? 'member'));
  return json(exchange, { invitation: invitationJson(invitation) }, 201);
}

/** `GET /v1/organizations/:id/invitations`: the organization's pending invitations. */
export async function listInvitations(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const found = await membershipOf(ctx, (await requireActive(ctx, exchange)).user, exchange.params.id!);
  return json(exchange, { invitations: (await pendingInvitations(ctx, found)).map(invitationJson) });
}

/** `DELETE /v1/organizations/:id/invitations/:invitationId` (admins). */
export async function revokeInvitationRoute(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  await revokeInvitation(ctx, await membershipOf(ctx, active.user, exchange.params.id!), exchange.params.invitationId!);
  return json(exchange, { revoked: exchange.params.invitationId });
}

/** `GET /v1/me/invitations`: invitations addressed to the user's email. */
export async function listMyInvitations(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const user = (await requireActive(ctx, exchange)).user;
  return json(exchange, { invitations: (await invitationsFor(ctx, user)).map(invitationJson) });
}

/** `POST /v1/me/invitations/:invitationId/accept`: joins with the invited role. */
export const acceptInvitation = (ctx: ServerContext, exchange: Exchange) => answer(ctx, exchange, 'accepted');

/** `POST /v1/me/invitations/:invitationId/decline`. */
export const declineInvitation = (ctx: ServerContext, exchange: Exchange) => answer(ctx, exchange, 'declined');

/** `PATCH /v1/organizations/:id/memberships/:userId`: changes a member's role (admins). */
export async function updateMembership(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  const found = await membershipOf(ctx, active.user, exchange.params.id!);
  await setMemberRole(ctx, found, exchange.params.userId!, parseRole((await readJson(exchange.request)).role));
  return organizationDetail(ctx, exchange, found.organization.id, active.user.id);
}

/** `DELETE /v1/organizations/:id/memberships/:userId`: removes a member (admins, or the member leaving). */
export async function deleteMembership(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  await removeMember(ctx, await membershipOf(ctx, active.user, exchange.params.id!), exchange.params.userId!);
  return json(exchange, { removed: exchange.params.userId });
}

/** `POST /v1/client/sessions/:sessionId/organization`: the organization a session acts for (`null`: personal). */
export async function setSessionOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options, store } = ctx;
  assertTrustedOrigin(exchange, options);
  const state = await requireClient(ctx, exchange);
  const live = findSession(state, exchange.params.sessionId!);
  const organizationId = (await readJson(exchange.request)).organizationId;
  if (organizationId !== null) {
    if (typeof organizationId !== 'string')
      throw new ApiError(400, 'request_invalid', '"organizationId" must be an organization id or null.');
    await membershipOf(ctx, live.user, organizationId);
  }
  await store.setSessionOrganization(live.session.id, organizationId);
  // A new active organization changes the session's claims: apps must refresh their token.
  await store.touchClient(state.client.id, options.nowSeconds());
  return respondWithReloadedClient(ctx, exchange);
}

/** Organizations of the signed-in user: create, read, rename, delete, members and roles. */
export const organizationRoutes: Route[] = [
  ['POST', '/v1/organizations', createOrganizationRoute],
  ['GET', '/v1/me/organizations', listMyOrganizations],
  ['GET', '/v1/organizations/:id', getOrganization],
  ['PATCH', '/v1/organizations/:id', updateOrganization],
  ['DELETE', '/v1/organizations/:id', deleteOrganizationRoute],
  ['POST', '/v1/organizations/:id/invitations', createInvitation],
  ['GET', '/v1/organizations/:id/invitations', listInvitations],
  ['DELETE', '/v1/organizations/:id/invitations/:invitationId', revokeInvitationRoute],
  ['GET', '/v1/me/invitations', listMyInvitations],
  ['POST', '/v1/me/invitations/:invitationId/accept', acceptInvitation],
  ['POST', '/v1/me/invitations/:invitationId/decline', declineInvitation],
  ['PATCH', '/v1/organizations/:id/memberships/:userId', updateMembership],
  ['DELETE', '/v1/organizations/:id/memberships/:userId', deleteMembership],
  ['POST', '/v1/client/sessions/:sessionId/organization', setSessionOrganization],
];

async function answer(ctx: ServerContext, exchange: Exchange, status: 'accepted' | 'declined'): Promise<Response> {
  const active = await signedInChange(ctx, exchange);
  await answerInvitation(ctx, active.user, exchange.params.invitationId!, status);
  // Joining changes what the session's token may claim: the client state is fresh for the app.
  return respondWithReloadedClient(ctx, exchange);
}

async function respondWithReloadedClient(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const reloaded = await requireClient(ctx, exchange);
  writeClientCookies(ctx, exchange, reloaded);
  return json(exchange, { client: clientJson(reloaded) });
}

async function organizationDetail(ctx: ServerContext, exchange: Exchange, organizationId: string, userId: string) {
  const { store } = ctx;
  const { organization, membership } = await membershipOf(ctx, (await store.findUserById(userId))!, organizationId);
  const members = await Promise.all(
    (await store.listMembers(organization.id)).map(async (m) => ({
      role: m.role,
      user: publicUser((await store.findUserById(m.userId))!),
    })),
  );
  return json(exchange, { organization: organizationJson(organization), role: membership.role, members });
}
