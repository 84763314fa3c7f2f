import { ApiError, sessionExpiresAt } from '@orbital/core';
import { signSessionToken } from '@orbital/core/server';
import { activeMembership, liveState, type ClientState, type LiveSession } from './client-state';
import type { ServerContext } from '../context';
import { randomId } from '../security/tokens';
import type { NewUser, SessionRecord, UserRecord } from '../store/types';

/**
 * Signs `user` in on this client with a brand-new session id (no fixation). The same user's
 * earlier session on this client ends; without multi-session, so do all others (or it refuses).
 * A user being signed up ({@link NewUser}) is created together with the session, or not at all.
 */
export async function startSession(
  ctx: ServerContext,
  state: ClientState,
  user: UserRecord | NewUser,
): Promise<ClientState> {
  const now = ctx.options.nowSeconds();
  const others = state.sessions.filter((s) => s.user.id !== user.id);
  if (!ctx.options.multiSession && others.length && ctx.options.singleSessionMode === 'error') {
    throw new ApiError(
      409,
      'session_exists',
      'You are already signed in with another account. Sign out first, or turn on multi-session.',
    );
  }
  const replaced = ctx.options.multiSession ? state.sessions.filter((s) => s.user.id === user.id) : state.sessions;
  const id = randomId('sess');
  await ctx.store.createSession(
    { id, clientId: state.client.id, userId: user.id, now },
    { clientId: state.client.id, lastActiveSessionId: id, uat: now },
    { newUser: isNewUser(user) ? user : undefined, replaces: replaced.map((s) => s.session.id) },
  );
  return reload(ctx, state);
}

/** Ends one of this client's sessions. Ending the active one leaves none active: the app shows `/choose`. */
export async function endSession(ctx: ServerContext, state: ClientState, sessionId: string): Promise<ClientState> {
  const target = findSession(state, sessionId);
  await ctx.store.endSessions([target.session.id], 'ended', ctx.options.nowSeconds());
  return reload(ctx, state);
}

export async function endAllSessions(ctx: ServerContext, state: ClientState): Promise<ClientState> {
  await ctx.store.endSessions(
    state.sessions.map((s) => s.session.id),
    'ended',
    ctx.options.nowSeconds(),
  );
  return reload(ctx, state);
}

export async function setActiveSession(
  ctx: ServerContext,
  state: ClientState,
  sessionId: string,
): Promise<ClientState> {
  const target = findSession(state, sessionId);
  if (state.active?.session.id !== target.session.id) {
    // Read a moment ago; ended since on another instance, perhaps: the store has the last word.
    if (
      !(await ctx.store.activateSession({
        clientId: state.client.id,
        lastActiveSessionId: target.session.id,
        uat: ctx.options.nowSeconds(),
      }))
    )
      throw sessionNotFound();
  }
  return reload(ctx, state);
}

/**
 * Mints a session token for `authorizedParty`. Minting is activity: it pushes the inactivity
 * timeout back, so `live.expiresAt` moves with it (and the client cookie after it).
 */
export async function mintToken(
  ctx: ServerContext,
  live: LiveSession,
  authorizedParty: string | undefined,
): Promise<{ jwt: string; expiresAt: number }> {
  const now = ctx.options.nowSeconds();
  // Coalesced: at most one write per interval, so a busy app does not write on every token, and the
  // inactivity timeout is never exceeded by more than that interval.
  // The write is also the check: a session that ended since it was read gets no token.
  if (
    now - live.session.lastActiveAt >= ctx.options.activityWriteInterval &&
    !(await ctx.store.touchSession(live.session.id, now))
  )
    throw sessionNotFound();
  live.session = { ...live.session, lastActiveAt: Math.max(live.session.lastActiveAt, now) };
  live.expiresAt = sessionExpiresAt(live.session, ctx.options.lifetime);
  const jwt = await signSessionToken(
    {
      userId: live.user.id,
      sessionId: live.session.id,
      issuer: ctx.options.url,
      authorizedParty,
      now,
      // A token never outlives its session.
      ttl: Math.min(ctx.options.tokenTtl, Math.max(1, live.expiresAt - now)),
      customClaims: await ctx.options.customClaims({ user: live.user, session: live.session }),
      organization: organizationClaims(live),
    },
    await ctx.keyring.signer(),
  );
  return { jwt, expiresAt: now + ctx.options.tokenTtl };
}

function organizationClaims(live: LiveSession) {
  const active = activeMembership(live);
  return active && { id: active.organization.id, slug: active.organization.slug, role: active.role };
}

/**
 * Ends a session wherever it lives (another browser's, too), clearing it as its client's active
 * one. For revocation by the user from another device or by the backend API.
 */
export async function endSessionOnItsClient(
  ctx: ServerContext,
  session: SessionRecord,
  status: 'ended' | 'revoked',
): Promise<void> {
  if (session.status === 'active') await ctx.store.endSessions([session.id], status, ctx.options.nowSeconds());
}

export function findSession(state: ClientState, sessionId: string): LiveSession {
  const live = state.sessions.find((s) => s.session.id === sessionId);
  if (!live) throw sessionNotFound();
  return live;
}

const sessionNotFound = () =>
  new ApiError(
    404,
    'session_not_found',
    'No active session with this id on this browser: it ended, expired, or belongs to another browser.',
  );

async function reload(ctx: ServerContext, state: ClientState): Promise<ClientState> {
  const graph = await ctx.store.loadClientGraph({ clientId: state.client.id });
  if (!graph) throw new ApiError(404, 'client_not_found', 'The client disappeared; sign in again.');
  return liveState(ctx, graph);
}

function isNewUser(user: UserRecord | NewUser): user is NewUser {
  return 'now' in user;
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
