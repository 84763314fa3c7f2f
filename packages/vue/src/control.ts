import { defineComponent, h, onMounted, type PropType } from 'vue';
import type { UserResource } from '@orbital/core/browser';
import { useAuth, useOrbital, useUser } from './composables';
import { useHydrated } from './hydrated';

/** Renders its slot only for a signed-in user. */
export const SignedIn = defineComponent({
  name: 'SignedIn',
  setup(_, { slots }) {
    const { isLoaded, isSignedIn } = useAuth();
    return () => (isLoaded.value && isSignedIn.value ? slots.default?.() : null);
  },
});

/** Renders its slot only when nobody is signed in. */
export const SignedOut = defineComponent({
  name: 'SignedOut',
  setup(_, { slots }) {
    const { isLoaded, isSignedIn } = useAuth();
    return () => (isLoaded.value && !isSignedIn.value ? slots.default?.() : null);
  },
});

/** Renders its slot for a signed-in user who passes `condition`, else the `fallback` slot. */
export const Protect = defineComponent({
  name: 'Protect',
  props: { condition: { type: Function as PropType<(user: UserResource) => boolean>, default: undefined } },
  setup(props, { slots }) {
    const { isLoaded, isSignedIn } = useAuth();
    const { user } = useUser();
    return () => {
      if (!isLoaded.value) return null;
      const allowed = isSignedIn.value && (!props.condition || (user.value ? props.condition(user.value) : false));
      return allowed ? slots.default?.() : slots.fallback?.();
    };
  },
});

function redirectComponent(
  name: string,
  go: (orbital: ReturnType<typeof useOrbital>, redirectUrl: string | undefined) => Promise<unknown>,
) {
  return defineComponent({
    name,
    props: { redirectUrl: { type: String, default: undefined } },
    setup(props) {
      const orbital = useOrbital();
      // Once, in the browser: rendered where the user should not stay.
      onMounted(() => void go(orbital, props.redirectUrl));
      return () => null;
    },
  });
}

/** Sends the user to sign in, coming back here afterwards. */
export const RedirectToSignIn = redirectComponent('RedirectToSignIn', (o, redirectUrl) =>
  o.redirectToSignIn(redirectUrl ? { redirectUrl } : {}),
);
export const RedirectToSignUp = redirectComponent('RedirectToSignUp', (o, redirectUrl) =>
  o.redirectToSignUp(redirectUrl ? { redirectUrl } : {}),
);
export const RedirectToUserProfile = redirectComponent('RedirectToUserProfile', (o) => o.redirectToUserProfile());
export const RedirectToCreateOrganization = redirectComponent('RedirectToCreateOrganization', (o, redirectUrl) =>
  o.redirectToCreateOrganization(redirectUrl ? { redirectUrl } : {}),
);
export const RedirectToOrganizationProfile = redirectComponent('RedirectToOrganizationProfile', (o) =>
  o.redirectToOrganizationProfile(),
);

/** Re-mounts its slot when the active session changes, so no state leaks between accounts. */
export const MultisessionAppSupport = defineComponent({
  name: 'MultisessionAppSupport',
  setup(_, { slots }) {
    const { sessionId } = useAuth();
    return () => h('div', { key: sessionId.value ?? 'signed-out', style: { display: 'contents' } }, slots.default?.());
  },
});

function accountButton(name: string, label: string, go: (orbital: ReturnType<typeof useOrbital>) => Promise<unknown>) {
  return defineComponent({
    name,
    setup(_, { slots }) {
      const orbital = useOrbital();
      const hydrated = useHydrated();
      return () =>
        h(
          'button',
          { type: 'button', disabled: !hydrated.value, onClick: () => void go(orbital) },
          slots.default?.() ?? label,
        );
    },
  });
}

/**
 * A button to sign in, coming back to this page. On a satellite it syncs with the primary
 * (straight back if already signed in there); use it rather than a hard-coded link.
 */
export const SignInButton = accountButton('SignInButton', 'Sign in', (o) => o.redirectToSignIn());
export const SignUpButton = accountButton('SignUpButton', 'Sign up', (o) => o.redirectToSignUp());
