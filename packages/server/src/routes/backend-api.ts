import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError, lifetimeStatus, sessionExpiresAt } from '@orbital/core';
import { publicUser } from '../domain/accounts';
import type { ServerContext } from '../context';
import { json, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { endSessionOnItsClient } from '../domain/sessions';
import type { SessionRecord } from '../store/types';

/** `GET /v1/backend/sessions/:sessionId`: a session's status and lifetime. */
export async function getBackendSession(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return json(exchange, { session: sessionJson(ctx, await requireSession(ctx, exchange)) });
}

/** `POST /v1/backend/sessions/:sessionId/revoke`: ends a session wherever it is used. */
export async function revokeBackendSession(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const record = await requireSession(ctx, exchange);
  await endSessionOnItsClient(ctx, record, 'revoked');
  return json(exchange, { session: sessionJson(ctx, (await ctx.store.findSession(record.id))!) });
}

/** `GET /v1/backend/users/:userId`: a user's public profile. */
export async function getBackendUser(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertSecretKey(exchange, ctx.options.secretKey);
  const user = await ctx.store.findUserById(exchange.params.userId!);
  if (!user) throw new ApiError(404, 'not_found', 'No user with this id.');
  return json(exchange, { user: publicUser(user) });
}

/** Server-to-server API for app back ends, authenticated with the secret key. */
export const backendRoutes: Route[] = [
  ['GET', '/v1/backend/sessions/:sessionId', getBackendSession],
  ['POST', '/v1/backend/sessions/:sessionId/revoke', revokeBackendSession],
  ['GET', '/v1/backend/users/:userId', getBackendUser],
];

/** `Authorization: Bearer sk_…`, compared in constant time (digests of equal length). */
export function assertSecretKey(exchange: Exchange, secretKey: string | undefined): void {
  if (!secretKey)
    throw new ApiError(
      401,
      'unauthorized',
      'This auth server has no secret key configured: set ORBITAL_SECRET_KEY to use the backend API.',
    );
  const given = exchange.request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(given), digest(secretKey))) {
    throw new ApiError(
      401,
      'unauthorized',
      'Missing or wrong secret key: send Authorization: Bearer <ORBITAL_SECRET_KEY>.',
    );
  }
}

async function requireSession(ctx: ServerContext, exchange: Exchange): Promise<SessionRecord> {
  assertSecretKey(exchange, ctx.options.secretKey);
  const record = await ctx.store.findSession(exchange.params.sessionId!);
  if (!record) throw new ApiError(404, 'session_not_found', 'No session with this id.');
  return record;
}

function sessionJson({ options }: ServerContext, record: SessionRecord) {
  const status =
    record.status === 'active' ? lifetimeStatus(record, options.lifetime, options.nowSeconds()) : record.status;
  return {
    id: record.id,
    userId: record.userId,
    clientId: record.clientId,
    status,
    createdAt: record.createdAt,
    lastActiveAt: record.lastActiveAt,
    endedAt: record.endedAt,
    expiresAt: sessionExpiresAt(record, options.lifetime),
  };
}
