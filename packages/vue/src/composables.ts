import { computed, ref, type ComputedRef, type Ref } from 'vue';
import {
  authSnapshot,
  hasRole,
  isOrbitalError,
  membershipsSnapshot,
  organizationSnapshot,
  sessionListSnapshot,
  sessionSnapshot,
  userSnapshot,
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
    ...refsOf(snapshot),
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
  const { state, initialState } = useOrbitalContext('useUser');
  return refsOf(computed(() => userSnapshot(state.value, initialState)));
}

/** The active session, once the client has loaded. */
export function useSession(): {
  isLoaded: ComputedRef<boolean>;
  isSignedIn: ComputedRef<boolean | undefined>;
  session: ComputedRef<SessionResource | null | undefined>;
} {
  const { state, initialState } = useOrbitalContext('useSession');
  return refsOf(computed(() => sessionSnapshot(state.value, initialState)));
}

/** Every session signed in on this browser (multi-session), and how to switch between them. */
export function useSessionList() {
  const { orbital, state } = useOrbitalContext('useSessionList');
  return {
    ...refsOf(computed(() => sessionListSnapshot(state.value))),
    setActive: (params: { session: string; redirectUrl?: string }) => orbital.setActive(params),
  };
}

/** The organization the active session acts for, and the user's role there. */
export function useOrganization(): {
  isLoaded: ComputedRef<boolean>;
  organization: ComputedRef<(OrganizationResource & { role: string }) | null | undefined>;
} {
  const { state } = useOrbitalContext('useOrganization');
  return refsOf(computed(() => organizationSnapshot(state.value)));
}

/** Every organization the user belongs to, and how to act for one (or for none). */
export function useOrganizationList() {
  const { orbital, state } = useOrbitalContext('useOrganizationList');
  return {
    ...refsOf(computed(() => membershipsSnapshot(state.value))),
    setActive: (params: { organization: string | null }) => orbital.setActive({ organization: params.organization }),
    createOrganization: (fields: { name: string; slug?: string }) => orbital.createOrganization(fields),
  };
}

/** One computed ref per field of a snapshot, as Vue code destructures them. */
function refsOf<T extends object>(snapshot: ComputedRef<T>): { [K in keyof T]: ComputedRef<T[K]> } {
  const keys = Object.keys(snapshot.value) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, computed(() => snapshot.value[key])])) as {
    [K in keyof T]: ComputedRef<T[K]>;
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

/**
 * A custom sign-up flow: `signUp({ email, password, firstName?, lastName? })` — its result says
 * whether a code was sent — then `verifySignUp(verification.id, code)`, with `isLoading` and a
 * typed `error`.
 */
export function useSignUp() {
  const orbital = useOrbital();
  const signUp = useAction((fields: SignUpFields) => orbital.signUp(fields));
  const verify = useAction((id: string, code: string) => orbital.verifySignUp(id, code));
  return {
    signUp: signUp.run,
    verifySignUp: verify.run,
    resendCode: orbital.resendCode,
    isLoading: computed(() => signUp.isLoading.value || verify.isLoading.value),
    error: computed(() => verify.error.value ?? signUp.error.value),
  };
}
