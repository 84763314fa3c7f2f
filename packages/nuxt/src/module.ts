import {
  addComponent,
  addImports,
  addPlugin,
  addRouteMiddleware,
  addServerHandler,
  addServerImports,
  createResolver,
  defineNuxtModule,
} from '@nuxt/kit';
import type { NuxtModule } from '@nuxt/schema';
import { ENV_OPTIONS, type OrbitalOptions } from '@orbital/core';

/** `orbital` in nuxt.config: any Orbital option; env vars (`NUXT_PUBLIC_ORBITAL_*`, `NUXT_ORBITAL_*`) override them at run time. */
export type ModuleOptions = Partial<OrbitalOptions>;

/** Options a browser may know go to `runtimeConfig.public.orbital`; the rest stay on the server. */
const optionKeys = (browser: boolean) =>
  (Object.keys(ENV_OPTIONS) as (keyof typeof ENV_OPTIONS)[]).filter((key) => ENV_OPTIONS[key].browser === browser);

const COMPOSABLES = [
  'useAuth',
  'useUser',
  'useSession',
  'useSessionList',
  'useOrbital',
  'useSignIn',
  'useSignUp',
  'useOrganization',
  'useOrganizationList',
];
const COMPONENTS = [
  'SignedIn',
  'SignedOut',
  'Protect',
  'SignIn',
  'SignUp',
  'UserButton',
  'SignInButton',
  'SignUpButton',
  'OrganizationSwitcher',
  'RedirectToSignIn',
  'RedirectToSignUp',
  'RedirectToUserProfile',
  'RedirectToCreateOrganization',
  'RedirectToOrganizationProfile',
  'MultisessionAppSupport',
];

/**
 * The Orbital Nuxt module: server middleware that authenticates every request into
 * `event.context.auth`, `getAuth(event)` / `requireAuth(event)` for server routes, the `orbital-auth`
 * route middleware for pages, SSR state for the client, and auto-imported composables and
 * components from `@orbital/vue`.
 *
 * @example export default defineNuxtConfig({ modules: ['@orbital/nuxt'] }) // NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=pk_…
 */
const module: NuxtModule<ModuleOptions> = defineNuxtModule<ModuleOptions>({
  meta: { name: '@orbital/nuxt', configKey: 'orbital', compatibility: { nuxt: '>=4.0.0' } },
  defaults: {},
  setup(options, nuxt) {
    const resolver = createResolver(import.meta.url);
    const config = nuxt.options.runtimeConfig;
    // Every key exists (as '' when unset) so that its NUXT_… env var can fill it in at run time.
    const fill = (given: unknown, browser: boolean) =>
      Object.fromEntries(
        optionKeys(browser).map((key) => [
          key,
          (given as Record<string, unknown> | undefined)?.[key] ?? options[key] ?? '',
        ]),
      ) as never;
    config.public.orbital = fill(config.public.orbital, true);
    config.orbital = fill(config.orbital, false);

    // The runtime files import Nuxt's virtual modules: Nuxt must bundle them rather than load them from node_modules.
    nuxt.options.build.transpile.push(resolver.resolve('./runtime'));
    addServerHandler({ middleware: true, handler: resolver.resolve('./runtime/server/middleware') });
    addServerImports(
      ['getAuth', 'requireAuth'].map((name) => ({ name, from: resolver.resolve('./runtime/server/auth') })),
    );
    addPlugin(resolver.resolve('./runtime/plugin'));
    addRouteMiddleware({ name: 'orbital-auth', path: resolver.resolve('./runtime/route-middleware') });
    addImports(COMPOSABLES.map((name) => ({ name, from: '@orbital/vue' })));
    for (const name of COMPONENTS) addComponent({ name, export: name, filePath: '@orbital/vue' });
  },
});

export default module;
