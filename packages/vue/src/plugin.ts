import { shallowRef, type App } from 'vue';
import {
  Orbital,
  OrbitalError,
  TRANSIENT_URL_PARAMS,
  type InitialAuthState,
  type OrbitalLoadOptions,
} from '@orbital/core/browser';
import { orbitalKey } from './context';

export interface OrbitalPluginOptions extends OrbitalLoadOptions {
  publishableKey: string;
  /** The auth state the server rendered with (the Nuxt module passes it). */
  initialState?: InitialAuthState | undefined;
  /** Re-renders what the server rendered when another tab signs in, out or switches (the Nuxt module passes its data refresh). */
  routerRefresh?: (() => unknown) | undefined;
}

/**
 * The Vue plugin: creates the browser client, makes it available to composables and components,
 * and (in the browser) loads it.
 *
 * @example app.use(orbital, { publishableKey: 'pk_test_…', afterSignOutUrl: '/' })
 */
export const orbital = {
  install(app: App, { publishableKey, initialState, routerRefresh, ...options }: OrbitalPluginOptions) {
    if (!publishableKey)
      throw new OrbitalError(
        'publishable_key_missing',
        'Orbital needs a publishable key: app.use(orbital, { publishableKey }).',
      );
    const client = new Orbital(publishableKey, { proxyUrl: options.proxyUrl, cookieDomain: options.cookieDomain });
    const state = shallowRef(client.getSnapshot());
    app.provide(orbitalKey, { orbital: client, state, initialState });
    if (typeof window === 'undefined') return;
    client.subscribe(() => (state.value = client.getSnapshot()));
    if (routerRefresh) client.onChangedElsewhere(() => void routerRefresh());
    const mount = app.mount.bind(app);
    const unmount = app.unmount.bind(app);
    app.mount = (...args: Parameters<App['mount']>) => {
      const instance = mount(...args);
      void client
        .load({ ...options, serverDiagnostic: initialState?.diagnostic })
        .then(() => forgetTransientParams(app))
        .catch((error: unknown) => console.error('[orbital] could not load the client', error));
      return instance;
    };
    app.unmount = () => {
      client.destroy();
      unmount();
    };
  },
};

interface RouterLike {
  currentRoute: { value: { query: Record<string, unknown> } };
  replace(to: { query: Record<string, unknown> }): Promise<unknown>;
}

/**
 * The client has removed the handshake / sync parameters from the address bar; Vue Router keeps
 * its own copy of the URL and would put them back on its next `replace`. Tell it too.
 */
function forgetTransientParams(app: App): void {
  const router = app.config.globalProperties.$router as RouterLike | undefined;
  const query = router?.currentRoute.value.query;
  if (!router || !query || !TRANSIENT_URL_PARAMS.some((name) => name in query)) return;
  void router.replace({
    query: Object.fromEntries(Object.entries(query).filter(([name]) => !TRANSIENT_URL_PARAMS.includes(name))),
  });
}
