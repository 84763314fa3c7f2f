import { ApiError, COOKIE_MAX_AGE_CAP, DEV_BROWSER_PARAM, clientCookie, clientUatCookie, cookieMaxAge, expiredCookie, lifetimeStatus, sessionExpiresAt, type CookieScope } from '@orbital/core';
import type { ServerContext } from './context';
import type { Exchange } from './http';
import { hashClientToken, newClientToken, randomId } from './random';
import type { ClientGraph, ClientRecord, MembershipRecord, OrganizationRecord, SessionRecord, UserRecord } from './store/types';

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
}

/**
 * The client named by the request's client cookie, or null. Sessions past their inactivity timeout
 * or maximum lifetime are ended here, on read, so no expired session is ever served.
 */
export async function loadClient(ctx: ServerContext, exchange: Exchange): Promise<ClientState | null> {
  const { names, mode } = ctx.options;
  const fromCookie = exchange.cookies[names.client];
  // Development instances also accept the development-browser token (from a URL or an API call).
  const fromUrl = !fromCookie && mode === 'development' ? exchange.url.searchParams.get(DEV_BROWSER_PARAM) : null;
  const token = fromCookie ?? fromUrl;
  if (!token) return null;
  const graph = await ctx.store.loadClientGraph({ tokenHash: hashClientToken(token) });
  if (!graph) return null;
  const state = await liveState(ctx, graph);
  if (fromUrl) {
    // Top-level visits adopt it as this site's client cookie, so the next form post carries it.
    exchange.cookies[names.client] = fromUrl;
    exchange.setCookies.push(clientCookie(names, { mode, url: exchange.url }, fromUrl, state.sessions.length ? cookieMaxAge(Math.max(...state.sessions.map((s) => s.expiresAt)), ctx.options.now()) : COOKIE_MAX_AGE_CAP));
  }
  return state;
}

/** The client's sessions that are still alive; those past their lifetime are ended on the way. */
export async function liveState(ctx: ServerContext, graph: ClientGraph): Promise<ClientState> {
  const now = ctx.options.now();
  let { client } = graph;
  const live: LiveSession[] = [];
  const ended: Record<'expired' | 'abandoned', string[]> = { expired: [], abandoned: [] };
  for (const { session, user, memberships } of graph.sessions) {
    const status = lifetimeStatus(session, ctx.options.lifetime, now);
    if (status !== 'active') ended[status].push(session.id);
    else live.push({ session, user, memberships, expiresAt: sessionExpiresAt(session, ctx.options.lifetime) });
  }
  if (ended.expired.length || ended.abandoned.length) {
    const activeEnded = [...ended.expired, ...ended.abandoned].includes(client.lastActiveSessionId ?? '');
    const change = activeEnded ? { clientId: client.id, lastActiveSessionId: null, uat: now } : undefined;
    if (ended.expired.length) await ctx.store.endSessions(ended.expired, 'expired', now, change);
    if (ended.abandoned.length) await ctx.store.endSessions(ended.abandoned, 'abandoned', now, ended.expired.length ? undefined : change);
    if (change) client = { ...client, lastActiveSessionId: null, uat: now };
  }
  return { client, sessions: live, active: live.find((s) => s.session.id === client.lastActiveSessionId) ?? null };
}

/** The request's client, or a new one whose token goes out in the client cookie. */
export async function ensureClient(ctx: ServerContext, exchange: Exchange): Promise<ClientState> {
  const existing = await loadClient(ctx, exchange);
  if (existing) return existing;
  const { token, hash } = newClientToken();
  const client = await ctx.store.createClient({ id: randomId('client'), tokenHash: hash, now: ctx.options.now() });
  exchange.cookies[ctx.options.names.client] = token;
  return { client, sessions: [], active: null };
}

export async function requireClient(ctx: ServerContext, exchange: Exchange): Promise<ClientState> {
  const state = await loadClient(ctx, exchange);
  if (!state) throw new ApiError(401, 'client_not_found', 'This browser has no Orbital client: sign in first.');
  return state;
}

/** The organization a live session acts for, with the user's role in it. */
export function activeMembership(live: LiveSession) {
  return live.memberships.find((m) => m.organizationId === live.session.activeOrganizationId) ?? null;
}

/** The `__client_uat` value apps see: the last change, or 0 while no session is active. */
export function clientUat(state: ClientState): number {
  return state.active ? state.client.uat : 0;
}

/**
 * Writes the client cookie (HttpOnly, living as long as the longest session) and `__client_uat`
 * after any change. A client with no session left loses its cookie.
 */
export function writeClientCookies(ctx: ServerContext, exchange: Exchange, state: ClientState): void {
  const { names, mode } = ctx.options;
  const scope: CookieScope = { mode, url: exchange.url };
  const token = exchange.cookies[names.client];
  const now = ctx.options.now();
  const expiresAt = Math.max(0, ...state.sessions.map((s) => s.expiresAt));
  if (token && state.sessions.length) {
    const maxAge = cookieMaxAge(expiresAt, now);
    exchange.setCookies.push(clientCookie(names, scope, token, maxAge), clientUatCookie(names, scope, clientUat(state), maxAge));
  } else {
    exchange.setCookies.push(expiredCookie(names.client, scope, true), clientUatCookie(names, scope, 0));
  }
}
