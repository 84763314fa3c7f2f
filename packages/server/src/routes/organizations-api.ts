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
import type { RouteHandler } from '../http/router';
import { findSession } from '../domain/sessions';
import { requireActive } from './me-api';
import { clientJson, invitationJson, organizationJson } from './views';

/** Organizations of the signed-in user: create, read, rename, delete, members and roles. */
export function organizationRoutes(
  ctx: ServerContext,
): Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, RouteHandler]> {
  const { options, store } = ctx;
  const mutation =
    (run: (exchange: Exchange, active: Awaited<ReturnType<typeof requireActive>>) => Promise<Response>): RouteHandler =>
    async (exchange) => {
      assertTrustedOrigin(exchange, options);
      return run(exchange, await requireActive(ctx, exchange));
    };
  const detail = async (exchange: Exchange, organizationId: string, userId: string) => {
    const { organization, membership } = await membershipOf(ctx, (await store.findUserById(userId))!, organizationId);
    const members = await Promise.all(
      (await store.listMembers(organization.id)).map(async (m) => ({
        role: m.role,
        user: publicUser((await store.findUserById(m.userId))!),
      })),
    );
    return json(exchange, { organization: organizationJson(organization), role: membership.role, members });
  };

  return [
    [
      'POST',
      '/v1/organizations',
      mutation(async (exchange, active) => {
        const body = await readJson(exchange.request);
        const organization = await createOrganization(ctx, active.user, {
          name: stringField(body, 'name', 100),
          slug: stringField(body, 'slug', 50),
        });
        return json(exchange, { organization: organizationJson(organization), role: 'admin' }, 201);
      }),
    ],
    [
      'GET',
      '/v1/me/organizations',
      async (exchange) => {
        const active = await requireActive(ctx, exchange);
        const memberships = await store.listUserMemberships(active.user.id);
        return json(exchange, {
          memberships: memberships.map((m) => ({ organization: organizationJson(m.organization), role: m.role })),
        });
      },
    ],
    [
      'GET',
      '/v1/organizations/:id',
      async (exchange) => detail(exchange, exchange.params.id!, (await requireActive(ctx, exchange)).user.id),
    ],
    [
      'PATCH',
      '/v1/organizations/:id',
      mutation(async (exchange, active) => {
        const found = await membershipOf(ctx, active.user, exchange.params.id!);
        await renameOrganization(ctx, found, stringField(await readJson(exchange.request), 'name', 100));
        return detail(exchange, found.organization.id, active.user.id);
      }),
    ],
    [
      'DELETE',
      '/v1/organizations/:id',
      mutation(async (exchange, active) => {
        const found = await membershipOf(ctx, active.user, exchange.params.id!);
        await deleteOrganization(ctx, found);
        return json(exchange, { deleted: found.organization.id });
      }),
    ],
    [
      'POST',
      '/v1/organizations/:id/invitations',
      mutation(async (exchange, active) => {
        const found = await membershipOf(ctx, active.user, exchange.params.id!);
        const body = await readJson(exchange.request);
        const invitation = await inviteMember(
          ctx,
          found,
          stringField(body, 'email', 254),
          parseRole(body.role ?? 'member'),
        );
        return json(exchange, { invitation: invitationJson(invitation) }, 201);
      }),
    ],
    [
      'GET',
      '/v1/organizations/:id/invitations',
      async (exchange) => {
        const found = await membershipOf(ctx, (await requireActive(ctx, exchange)).user, exchange.params.id!);
        return json(exchange, { invitations: (await pendingInvitations(ctx, found)).map(invitationJson) });
      },
    ],
    [
      'DELETE',
      '/v1/organizations/:id/invitations/:invitationId',
      mutation(async (exchange, active) => {
        await revokeInvitation(
          ctx,
          await membershipOf(ctx, active.user, exchange.params.id!),
          exchange.params.invitationId!,
        );
        return json(exchange, { revoked: exchange.params.invitationId });
      }),
    ],
    [
      'GET',
      '/v1/me/invitations',
      async (exchange) =>
        json(exchange, {
          invitations: (await invitationsFor(ctx, (await requireActive(ctx, exchange)).user)).map(invitationJson),
        }),
    ],
    ...(['accept', 'decline'] as const).map((answer): ['POST', string, RouteHandler] => [
      'POST',
      `/v1/me/invitations/:invitationId/${answer}`,
      mutation(async (exchange, active) => {
        await answerInvitation(
          ctx,
          active.user,
          exchange.params.invitationId!,
          answer === 'accept' ? 'accepted' : 'declined',
        );
        // Joining changes what the session's token may claim: the client state is fresh for the app.
        const reloaded = await requireClient(ctx, exchange);
        writeClientCookies(ctx, exchange, reloaded);
        return json(exchange, { client: clientJson(reloaded) });
      }),
    ]),
    [
      'PATCH',
      '/v1/organizations/:id/memberships/:userId',
      mutation(async (exchange, active) => {
        const found = await membershipOf(ctx, active.user, exchange.params.id!);
        await setMemberRole(ctx, found, exchange.params.userId!, parseRole((await readJson(exchange.request)).role));
        return detail(exchange, found.organization.id, active.user.id);
      }),
    ],
    [
      'DELETE',
      '/v1/organizations/:id/memberships/:userId',
      mutation(async (exchange, active) => {
        await removeMember(ctx, await membershipOf(ctx, active.user, exchange.params.id!), exchange.params.userId!);
        return json(exchange, { removed: exchange.params.userId });
      }),
    ],
    [
      'POST',
      '/v1/client/sessions/:sessionId/organization',
      async (exchange) => {
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
        const reloaded = await requireClient(ctx, exchange);
        writeClientCookies(ctx, exchange, reloaded);
        return json(exchange, { client: clientJson(reloaded) });
      },
    ],
  ];
}
