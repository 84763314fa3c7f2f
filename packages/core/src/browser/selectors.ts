import type { InitialAuthState } from './auth-state';
import type { MembershipResource, OrbitalState, SessionResource, UserResource } from './resources';

// What the hooks and composables of every framework return, from the client's state. Before the
// client loads (and during server rendering) only whether someone is signed in can be known, from
// the server's initial state; the resources themselves arrive with the client.

const signedInBeforeLoad = (initial: InitialAuthState | undefined) => (initial ? initial.userId !== null : undefined);

export type UserSnapshot =
  | { isLoaded: false; isSignedIn: boolean | undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: UserResource };

/** `useUser()`: the active session's user. */
export function userSnapshot(state: OrbitalState, initial?: InitialAuthState): UserSnapshot {
  if (!state.isLoaded) return { isLoaded: false, isSignedIn: signedInBeforeLoad(initial), user: undefined };
  return state.user
    ? { isLoaded: true, isSignedIn: true, user: state.user }
    : { isLoaded: true, isSignedIn: false, user: null };
}

export type SessionSnapshot =
  | { isLoaded: false; isSignedIn: boolean | undefined; session: undefined }
  | { isLoaded: true; isSignedIn: boolean; session: SessionResource | null };

/** `useSession()`: the active session. */
export function sessionSnapshot(state: OrbitalState, initial?: InitialAuthState): SessionSnapshot {
  if (!state.isLoaded) return { isLoaded: false, isSignedIn: signedInBeforeLoad(initial), session: undefined };
  return { isLoaded: true, isSignedIn: state.session !== null, session: state.session };
}

/** `useSessionList()`: every session signed in on this browser. */
export function sessionListSnapshot(state: OrbitalState): {
  isLoaded: boolean;
  sessions: SessionResource[] | undefined;
} {
  return { isLoaded: state.isLoaded, sessions: state.isLoaded ? state.sessions : undefined };
}

/** `useOrganization()`: the organization the active session acts for, with the user's role. */
export function organizationSnapshot(state: OrbitalState): {
  isLoaded: boolean;
  organization: OrbitalState['organization'] | undefined;
} {
  return { isLoaded: state.isLoaded, organization: state.isLoaded ? state.organization : undefined };
}

/** `useOrganizationList()`: every organization the user belongs to. */
export function membershipsSnapshot(state: OrbitalState): {
  isLoaded: boolean;
  memberships: MembershipResource[] | undefined;
} {
  return { isLoaded: state.isLoaded, memberships: state.isLoaded ? (state.session?.memberships ?? []) : undefined };
}
