import { clientCookieExpiresAt, cookieMaxAge, lifetimeStatus, sessionExpiresAt } from '@orbital/core';
import type { ServerContext } from '../context';

import {
  type ClientGraph,
  type ClientRecord,
  type MembershipRecord,
  type OrganizationRecord,
  type SessionRecord,
  type UserRecord,
} from '../store/types';

export interface LiveSession {
  session: SessionRecord;
  user: UserRecord;
  /** The user's organizations, and the one this session acts for. */
  memberships: Array<MembershipRecord & { organization: OrganizationRecord }>;
  /** Unix seconds when the session ends unless it is used (inactivity) or at the latest (maximum lifetime). */
  expiresAt: number;
}

/** A browser's client with its live sessions, lifetimes already enforced. */
export interface ClientState {
  client: ClientRecord;
  sessions: LiveSession[];
  active: LiveSession | null;
  /** The token the request presented: its hash, and the origin it is bound to (development browsers). */
  token?: { hash: string; origin: string | null };
}

/** The client's sessions that are still alive; those past their lifetime are ended on the way. */
export async function liveState(ctx: ServerContext, graph: ClientGraph): Promise<ClientState> {
  const now = ctx.options.nowSeconds();
  let { client } = graph;
  const live: LiveSession[] = [];
  const ended: Record<'expired' | 'abandoned', string[]> = { expired: [], abandoned: [] };
  for (const { session, user, memberships } of graph.sessions) {
    const status = lifetimeStatus(session, ctx.options.lifetime, now);
    if (status !== 'active') ended[status].push(session.id);
    else live.push({ session, user, memberships, expiresAt: sessionExpiresAt(session, ctx.options.lifetime) });
  }
  for (const status of ['expired', 'abandoned'] as const)
    if (ended[status].length) await ctx.store.endSessions(ended[status], status, now);
  if ([...ended.expired, ...ended.abandoned].includes(client.lastActiveSessionId ?? ''))
    client = { ...client, lastActiveSessionId: null, uat: now };
  return { client, sessions: live, active: live.find((s) => s.session.id === client.lastActiveSessionId) ?? null };
}

/** The organization a live session acts for, with the user's role in it. */
export function activeMembership(live: LiveSession) {
  return live.memberships.find((m) => m.organizationId === live.session.activeOrganizationId) ?? null;
}

/** The `__client_uat` value apps see: the last change, or 0 while no session is active. */
export function clientUat(state: ClientState): number {
  return state.active ? state.client.uat : 0;
}

/** Seconds a client cookie lives: until the longest session's maximum lifetime (capped). */
export function clientCookieMaxAge(ctx: ServerContext, state: ClientState): number {
  return cookieMaxAge(
    clientCookieExpiresAt(
      state.sessions.map((s) => s.session),
      ctx.options.lifetime,
    ),
    ctx.options.nowSeconds(),
  );
}
