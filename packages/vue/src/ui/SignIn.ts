import { computed, defineComponent, h, onMounted, ref, type PropType } from 'vue';
import { displayName, initials, labels, signInView } from '@orbital/core/ui';
import { useAction, useOrbital, useSessionList } from '../composables';
import { useHydrated } from '../hydrated';
import { styles } from './styles';

const SignInForm = defineComponent({
  name: 'OrbitalSignInForm',
  setup() {
    const orbital = useOrbital();
    const identifier = ref('');
    const password = ref('');
    const hydrated = useHydrated();
    const { run, isLoading, error } = useAction(async () => {
      await orbital.signIn({ identifier: identifier.value, password: password.value });
      await orbital.navigate(orbital.buildAfterSignInUrl());
    });
    return () =>
      h(
        'form',
        {
          noValidate: true,
          'aria-describedby': error.value ? 'orb-signin-error' : undefined,
          onSubmit: (event: Event) => (event.preventDefault(), void run()),
        },
        [
          h('fieldset', { disabled: !hydrated.value }, [
            h('h2', labels.signInTitle),
            h('p', { class: 'orb-sub' }, labels.signInSubtitle),
            error.value && h('p', { class: 'orb-error', role: 'alert', id: 'orb-signin-error' }, error.value.message),
            h('label', { class: 'orb-field', for: 'orb-identifier' }, labels.email),
            h('input', {
              class: 'orb-input',
              id: 'orb-identifier',
              type: 'email',
              autocomplete: 'username',
              required: true,
              value: identifier.value,
              'aria-invalid': error.value ? true : undefined,
              onInput: (e: Event) => (identifier.value = (e.target as HTMLInputElement).value),
            }),
            h('label', { class: 'orb-field', for: 'orb-password' }, labels.password),
            h('input', {
              class: 'orb-input',
              id: 'orb-password',
              type: 'password',
              autocomplete: 'current-password',
              required: true,
              value: password.value,
              onInput: (e: Event) => (password.value = (e.target as HTMLInputElement).value),
            }),
            h('p', { class: 'orb-foot' }, [
              h('a', { href: hydrated.value ? orbital.buildForgotPasswordUrl() : undefined }, labels.forgotPassword),
            ]),
            h(
              'button',
              { class: 'orb-btn orb-primary', type: 'submit', disabled: isLoading.value },
              isLoading.value ? labels.working : labels.continue,
            ),
            h('p', { class: 'orb-foot' }, [
              labels.noAccount,
              ' ',
              h(
                'a',
                {
                  href: hydrated.value
                    ? orbital.buildSignUpUrl({ redirectUrl: orbital.buildAfterSignInUrl() })
                    : undefined,
                },
                labels.signUpLink,
              ),
            ]),
          ]),
        ],
      );
  },
});

const AccountChooser = defineComponent({
  name: 'OrbitalAccountChooser',
  setup() {
    const orbital = useOrbital();
    const { sessions } = useSessionList();
    const target = orbital.buildAfterSignInUrl();
    const addAccountUrl = orbital.buildSignInUrl({ redirectUrl: target, addAccount: true });
    const hydrated = useHydrated();
    const { run, isLoading, error } = useAction((sessionId: string) =>
      orbital.setActive({ session: sessionId, redirectUrl: target }),
    );
    return () =>
      h('div', [
        h('h2', labels.chooseTitle),
        error.value && h('p', { class: 'orb-error', role: 'alert' }, error.value.message),
        h(
          'ul',
          { style: { listStyle: 'none', padding: 0 } },
          (sessions.value ?? []).map((session) =>
            h('li', { key: session.id, style: { margin: '.5rem 0' } }, [
              h(
                'button',
                {
                  class: 'orb-btn',
                  style: { width: '100%', display: 'flex', gap: '.75rem', alignItems: 'center', textAlign: 'left' },
                  disabled: isLoading.value,
                  onClick: () => void run(session.id),
                },
                [
                  h('span', { class: 'orb-avatar', 'aria-hidden': 'true' }, initials(session.user)),
                  h('span', [h('strong', displayName(session.user)), h('br'), h('small', session.user.email)]),
                ],
              ),
            ]),
          ),
        ),
        h('p', { class: 'orb-foot' }, [
          h('a', { href: hydrated.value ? addAccountUrl : undefined }, labels.addAccount),
        ]),
        h('button', { class: 'orb-btn', type: 'button', onClick: () => void orbital.signOut() }, labels.signOutAll),
      ]);
  },
});

/**
 * The prebuilt sign-in: email and password; the account chooser at `<signInUrl>/choose`, and at the
 * sign-in page itself while this browser has sessions (unless adding an account).
 * After signing in it goes to the validated `redirect_url`, else `afterSignInUrl`.
 */
export const SignIn = defineComponent({
  name: 'SignIn',
  props: { mode: { type: String as PropType<'form' | 'choose'>, default: undefined } },
  setup(props) {
    // The URL is known in the browser only: the server renders the form, the browser switches if needed.
    const url = ref<string | null>(null);
    onMounted(() => (url.value = window.location.href));
    const { isLoaded, sessions } = useSessionList();
    const choose = computed(
      () =>
        signInView({
          url: url.value,
          mode: props.mode,
          sessionCount: isLoaded.value ? (sessions.value?.length ?? 0) : null,
        }) === 'choose',
    );
    return () => h('div', { class: 'orb-card' }, [styles(), choose.value ? h(AccountChooser) : h(SignInForm)]);
  },
});
