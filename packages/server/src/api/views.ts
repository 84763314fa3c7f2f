import { publicUser } from '../accounts';
import { clientUat, type ClientState, type LiveSession } from '../client-state';

/** The client as the browser client sees it. */
export function clientJson(state: ClientState | null) {
  if (!state) return null;
  return {
    id: state.client.id,
    lastActiveSessionId: state.active?.session.id ?? null,
    uat: clientUat(state),
    sessions: state.sessions.map(sessionJson),
  };
}

export function sessionJson(live: LiveSession) {
  const { session } = live;
  return { id: session.id, status: session.status, createdAt: session.createdAt, lastActiveAt: session.lastActiveAt, expiresAt: live.expiresAt, user: publicUser(live.user) };
}
