import type { ClientResource, SessionResource, UserResource } from '../resources';

export type * from '../resources';

/** The browser client's observable state; a new object on every change, so it can be compared by identity. */
export interface OrbitalState {
  isLoaded: boolean;
  client: ClientResource | null;
  sessions: SessionResource[];
  /** The active session, or null when signed out (or when none is chosen yet). */
  session: SessionResource | null;
  user: UserResource | null;
  /** The active session's organization, or null. */
  organization: SessionResource['organization'];
}

export function toState(client: ClientResource | null, isLoaded: boolean): OrbitalState {
  const session = client?.sessions.find((s) => s.id === client.lastActiveSessionId) ?? null;
  return {
    isLoaded,
    client,
    sessions: client?.sessions ?? [],
    session,
    user: session?.user ?? null,
    organization: session?.organization ?? null,
  };
}
