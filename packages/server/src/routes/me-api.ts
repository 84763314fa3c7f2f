import { ApiError } from '@orbital/core';
import { changePassword, publicUser, updateProfile } from '../domain/accounts';
import { type ClientState, type LiveSession } from '../domain/client-state';
import { requireClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http/exchange';
import type { RouteHandler } from '../http/router';
import { revokeOtherSessions, revokeSession, userSessions } from '../domain/sessions';

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
