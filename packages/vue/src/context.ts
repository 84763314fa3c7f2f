import {
  computed,
  getCurrentInstance,
  inject,
  onMounted,
  ref,
  type InjectionKey,
  type Ref,
  type ShallowRef,
} from 'vue';
import { OrbitalError, type InitialAuthState, type Orbital, type OrbitalState } from '@orbital/core/browser';

export interface OrbitalContext {
  orbital: Orbital;
  /** The client's state; replaced (never mutated) on every change. */
  state: ShallowRef<OrbitalState>;
  initialState: InitialAuthState | undefined;
}

export const orbitalKey: InjectionKey<OrbitalContext> = Symbol('orbital');

const notLoaded: OrbitalState = {
  isLoaded: false,
  client: null,
  sessions: [],
  session: null,
  user: null,
  organization: null,
};

/**
 * The plugin's context for a component. Its `state` is the client's only once the component is
 * mounted: hydration must render what the server rendered (which knew no client state), however
 * early the client loaded.
 */
export function useOrbitalContext(
  name: string,
): Omit<OrbitalContext, 'state'> & { state: Readonly<Ref<OrbitalState>> } {
  const context = inject(orbitalKey, null);
  if (!context)
    throw new OrbitalError(
      'configuration_invalid',
      `${name}() needs the Orbital plugin: app.use(orbital, { publishableKey }) (in Nuxt, add '@orbital/nuxt' to modules).`,
    );
  const mounted = ref(!getCurrentInstance());
  if (!mounted.value) onMounted(() => (mounted.value = true));
  return { ...context, state: computed(() => (mounted.value ? context.state.value : notLoaded)) };
}
