import { inject, type InjectionKey, type ShallowRef } from 'vue';
import { OrbitalError, type InitialAuthState, type Orbital, type OrbitalState } from '@orbital/core/browser';

export interface OrbitalContext {
  orbital: Orbital;
  /** The client's state; replaced (never mutated) on every change. */
  state: ShallowRef<OrbitalState>;
  initialState: InitialAuthState | undefined;
}

export const orbitalKey: InjectionKey<OrbitalContext> = Symbol('orbital');

export function useOrbitalContext(name: string): OrbitalContext {
  const context = inject(orbitalKey, null);
  if (!context) throw new OrbitalError('configuration_invalid', `${name}() needs the Orbital plugin: app.use(orbital, { publishableKey }) (in Nuxt, add '@orbital/nuxt' to modules).`);
  return context;
}
