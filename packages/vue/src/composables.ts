import { computed, ref, type ComputedRef, type Ref } from 'vue';
import {
  authSnapshot,
  hasRole,
  isOrbitalError,
  type MembershipResource,
  type Orbital,
  type OrbitalError,
  type OrganizationResource,
  type SessionResource,
  type SignUpFields,
  type UserResource,
} from '@orbital/core/browser';
import { useOrbitalContext } from './context';

/** The browser client itself, for anything the composables do not cover. */
export function useOrbital(): Orbital {
  return useOrbitalContext('useOrbital').orbital;
}

/**
 * Who is signed in, as computed refs. With a server-rendered initial state it is loaded from the
 * first render; otherwise `isLoaded` turns true once the client has loaded.
 */
export function useAuth() {
  const { orbital, state, initialState } = useOrbitalContext('useAuth');
  const snapshot = computed(() => authSnapshot(state.value, initialState));
  return {
    isLoaded: computed(() => snapshot.value.isLoaded),
    isSignedIn: computed(() => snapshot.value.isSignedIn),
    userId: computed(() => snapshot.value.userId),
    sessionId: computed(() => snapshot.value.sessionId),
    orgId: computed(() => snapshot.value.orgId),
    orgSlug: computed(() => snapshot.value.orgSlug),
    orgRole: computed(() => snapshot.value.orgRole),
    has: (check: { role: string }) => hasRole(snapshot.value, check),
    getToken: (options?: { skipCache?: boolean }) => orbital.getToken(options),
    signOut: (options?: { sessionId?: string; redirectUrl?: string }) => orbital.signOut(options),
  };
}

/** The active session's user, once the client has loaded. */
export function useUser(): {
  isLoaded: ComputedRef<boolean>;
  isSignedIn: ComputedRef<boolean | undefined>;
  user: ComputedRef<UserResource | null | undefined>;
} {
  const { state } = useOrbitalContext('useUser');
  return {
    isLoaded: computed(() => state.value.isLoaded),
    isSignedIn: computed(() => (state.value.isLoaded ? state.value.user !== null : undefined)),
    user: computed(() => (state.value.isLoaded ? state.value.user : undefined)),
  };
}

/** The active session, once the client has loaded. */
export function useSession(): {
  isLoaded: ComputedRef<boolean>;
  isSignedIn: ComputedRef<boolean | undefined>;
  session: ComputedRef<SessionResource | null | undefined>;
} {
  const { state } = useOrbitalContext('useSession');
  return {
    isLoaded: computed(() => state.value.isLoaded),
    isSignedIn: computed(() => (state.value.isLoaded ? state.value.session !== null : undefined)),
    session: computed(() => (state.value.isLoaded ? state.value.session : undefined)),
  };
}

/** Every session signed in on this browser (multi-session), and how to switch between them. */
export function useSessionList() {
  const { orbital, state } = useOrbitalContext('useSessionList');
  return {
    isLoaded: computed(() => state.value.isLoaded),
    sessions: computed(() => (state.value.isLoaded ? state.value.sessions : undefined)),
    setActive: (params: { session: string; redirectUrl?: string }) => orbital.setActive(params),
  };
}

/** The organization the active session acts for, and the user's role there. */
export function useOrganization(): {
  isLoaded: ComputedRef<boolean>;
  organization: ComputedRef<(OrganizationResource & { role: string }) | null | undefined>;
} {
  const { state } = useOrbitalContext('useOrganization');
  return {
    isLoaded: computed(() => state.value.isLoaded),
    organization: computed(() => (state.value.isLoaded ? state.value.organization : undefined)),
  };
}

/** Every organization the user belongs to, and how to act for one (or for none). */
export function useOrganizationList() {
  const { orbital, state } = useOrbitalContext('useOrganizationList');
  return {
    isLoaded: computed(() => state.value.isLoaded),
    memberships: computed<MembershipResource[] | undefined>(() =>
      state.value.isLoaded ? (state.value.session?.memberships ?? []) : undefined,
    ),
    setActive: (params: { organization: string | null }) => orbital.setActive({ organization: params.organization }),
    createOrganization: (fields: { name: string; slug?: string }) => orbital.createOrganization(fields),
  };
}

/** Runs an async client action with a loading flag; Orbital errors land in `error`, others throw. */
export function useAction<Args extends unknown[], Result>(
  action: (...args: Args) => Promise<Result>,
): { run: (...args: Args) => Promise<Result | null>; isLoading: Ref<boolean>; error: Ref<OrbitalError | null> } {
  const isLoading = ref(false);
  const error = ref<OrbitalError | null>(null) as Ref<OrbitalError | null>;
  const run = async (...args: Args): Promise<Result | null> => {
    isLoading.value = true;
    error.value = null;
    try {
      return await action(...args);
    } catch (caught) {
      if (!isOrbitalError(caught)) throw caught;
      error.value = caught;
      return null;
    } finally {
      isLoading.value = false;
    }
  };
  return { run, isLoading, error };
}

/** A custom sign-in flow: `signIn({ identifier, password })`, with `isLoading` and a typed `error`. */
export function useSignIn() {
  const orbital = useOrbital();
  const { run, isLoading, error } = useAction((credentials: { identifier: string; password: string }) =>
    orbital.signIn(credentials),
  );
  return { signIn: run, isLoading, error };
}

/** A custom sign-up flow: `signUp({ email, password, firstName?, lastName? })`, with `isLoading` and a typed `error`. */
export function useSignUp() {
  const orbital = useOrbital();
  const { run, isLoading, error } = useAction((fields: SignUpFields) => orbital.signUp(fields));
  return { signUp: run, isLoading, error };
}
