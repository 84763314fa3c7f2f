import { ApiError } from '@orbital/core';
import { changePassword, publicUser, updateProfile } from '../accounts';
import { requireClient, type ClientState, type LiveSession } from '../client-state';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http';
import type { RouteHandler } from '../router';
import { endSessionOnItsClient } from '../sessions';
import type { UserRecord } from '../store/types';

/** The signed-in user's own account: profile, password, and sessions on every device. */
export function meRoutes(ctx: ServerContext): Array<['GET' | 'POST' | 'PATCH', string, RouteHandler]> {
  const { options } = ctx;
  return [
    [
      'GET',
      '/v1/me',
      async (exchange) => json(exchange, { user: publicUser((await requireActive(ctx, exchange)).user) }),
    ],
    [
      'PATCH',
      '/v1/me',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const { user } = await requireActive(ctx, exchange);
        const body = await readJson(exchange.request);
        return json(exchange, {
          user: publicUser(
            await updateProfile(ctx, user, {
              firstName: stringField(body, 'firstName', 100),
              lastName: stringField(body, 'lastName', 100),
            }),
          ),
        });
      },
    ],
    [
      'POST',
      '/v1/me/password',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const active = await requireActive(ctx, exchange);
        const body = await readJson(exchange.request);
        const user = await changePassword(
          ctx,
          active.user,
          stringField(body, 'currentPassword'),
          stringField(body, 'newPassword'),
          exchange.ip,
        );
        if (body.signOutOtherSessions === true) await revokeOtherSessions(ctx, user, active.session.id);
        return json(exchange, { user: publicUser(user) });
      },
    ],
    [
      'GET',
      '/v1/me/sessions',
      async (exchange) => {
        const active = await requireActive(ctx, exchange);
        return json(exchange, { sessions: await userSessions(ctx, active) });
      },
    ],
    [
      'POST',
      '/v1/me/sessions/:sessionId/revoke',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const active = await requireActive(ctx, exchange);
        await revokeSession(ctx, active.user, exchange.params.sessionId!);
        return json(exchange, { sessions: await userSessions(ctx, active) });
      },
    ],
  ];
}

/** The active session of the request's client, or a 401 that says to sign in. */
export async function requireActive(
  ctx: ServerContext,
  exchange: Exchange,
): Promise<LiveSession & { state: ClientState }> {
  const state = await requireClient(ctx, exchange);
  if (!state.active) throw new ApiError(401, 'unauthorized', 'No active session on this browser: sign in first.');
  return { ...state.active, state };
}

/** This user's live sessions on every client, the current one marked. */
export async function userSessions(ctx: ServerContext, current: LiveSession) {
  const sessions = await ctx.store.listUserSessions(current.user.id);
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastActiveAt: s.lastActiveAt,
    current: s.id === current.session.id,
    sameBrowser: s.clientId === current.session.clientId,
  }));
}

/** Revokes one of the user's sessions, on any browser. Only their own. */
export async function revokeSession(ctx: ServerContext, user: UserRecord, sessionId: string): Promise<void> {
  const session = await ctx.store.findSession(sessionId);
  if (!session || session.userId !== user.id || session.status !== 'active') {
    throw new ApiError(404, 'session_not_found', 'No active session of yours with this id.');
  }
  await endSessionOnItsClient(ctx, session, 'revoked');
}

export async function revokeOtherSessions(ctx: ServerContext, user: UserRecord, keepSessionId: string): Promise<void> {
  for (const session of await ctx.store.listUserSessions(user.id)) {
    if (session.id !== keepSessionId) await revokeSession(ctx, user, session.id);
  }
}
