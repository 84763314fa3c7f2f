import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError, lifetimeStatus, sessionExpiresAt } from '@orbital/core';
import { publicUser } from '../domain/accounts';
import type { ServerContext } from '../context';
import { json, type Exchange } from '../http/exchange';
import type { RouteHandler } from '../http/router';
import { endSessionOnItsClient } from '../domain/sessions';
import type { SessionRecord } from '../store/types';

/** Server-to-server API for app back ends, authenticated with the secret key. */
export function backendRoutes(ctx: ServerContext): Array<['GET' | 'POST', string, RouteHandler]> {
  const { options, store } = ctx;

  async function session(exchange: Exchange): Promise<SessionRecord> {
    assertSecretKey(exchange, options.secretKey);
    const record = await store.findSession(exchange.params.sessionId!);
    if (!record) throw new ApiError(404, 'session_not_found', 'No session with this id.');
    return record;
  }

  const sessionJson = (record: SessionRecord) => {
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
  };

  return [
    [
      'GET',
      '/v1/backend/sessions/:sessionId',
      async (exchange) => json(exchange, { session: sessionJson(await session(exchange)) }),
    ],
    [
      'POST',
      '/v1/backend/sessions/:sessionId/revoke',
      async (exchange) => {
        const record = await session(exchange);
        await endSessionOnItsClient(ctx, record, 'revoked');
        return json(exchange, { session: sessionJson((await store.findSession(record.id))!) });
      },
    ],
    [
      'GET',
      '/v1/backend/users/:userId',
      async (exchange) => {
        assertSecretKey(exchange, options.secretKey);
        const user = await store.findUserById(exchange.params.userId!);
        if (!user) throw new ApiError(404, 'not_found', 'No user with this id.');
        return json(exchange, { user: publicUser(user) });
      },
    ],
  ];
}

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
