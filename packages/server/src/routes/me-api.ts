import { ApiError } from '@orbital/core';
import { changePassword, publicUser, updateProfile } from '../domain/accounts';
import { type ClientState, type LiveSession } from '../domain/client-state';
import { requireClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { revokeOtherSessions, revokeSession, userSessions } from '../domain/sessions';

/** `GET /v1/me`: the signed-in user. */
export async function getMe(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return json(exchange, { user: publicUser((await requireActive(ctx, exchange)).user) });
}

/** `PATCH /v1/me`: first and last name. */
export async function updateMe(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const { user } = await requireActive(ctx, exchange);
  const body = await readJson(exchange.request);
  const updated = await updateProfile(ctx, user, {
    firstName: stringField(body, 'firstName', 100),
    lastName: stringField(body, 'lastName', 100),
  });
  return json(exchange, { user: publicUser(updated) });
}

/** `POST /v1/me/password`: a new password, given the current one; other sessions may be ended with it. */
export async function changeMyPassword(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
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
}

/** `GET /v1/me/sessions`: the user's sessions on every device. */
export async function listMySessions(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const active = await requireActive(ctx, exchange);
  return json(exchange, { sessions: await userSessions(ctx, active) });
}

/** `POST /v1/me/sessions/:sessionId/revoke`: signs a device out. */
export async function revokeMySession(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const active = await requireActive(ctx, exchange);
  await revokeSession(ctx, active.user, exchange.params.sessionId!);
  return json(exchange, { sessions: await userSessions(ctx, active) });
}

/** The signed-in user's own account: profile, password, and sessions on every device. */
export const meRoutes: Route[] = [
  ['GET', '/v1/me', getMe],
  ['PATCH', '/v1/me', updateMe],
  ['POST', '/v1/me/password', changeMyPassword],
  ['GET', '/v1/me/sessions', listMySessions],
  ['POST', '/v1/me/sessions/:sessionId/revoke', revokeMySession],
];

/** The active session of the request's client, or a 401 that says to sign in. */
export async function requireActive(
  ctx: ServerContext,
  exchange: Exchange,
): Promise<LiveSession & { state: ClientState }> {
  const state = await requireClient(ctx, exchange);
  if (!state.active) throw new ApiError(401, 'unauthorized', 'No active session on this browser: sign in first.');
  return { ...state.active, state };
}
