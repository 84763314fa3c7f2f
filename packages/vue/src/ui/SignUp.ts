import { defineComponent, h, reactive } from 'vue';
import { labels } from '@orbital/core/ui';
import { useAction, useOrbital } from '../composables';
import { useHydrated } from '../hydrated';
import { styles } from './styles';

/** The prebuilt sign-up: name, email and password; signs in and goes to `redirect_url` or `afterSignUpUrl`. */
export const SignUp = defineComponent({
  name: 'SignUp',
  setup() {
    const orbital = useOrbital();
    const hydrated = useHydrated();
    const fields = reactive({ firstName: '', lastName: '', email: '', password: '' });
    const { run, isLoading, error } = useAction(async () => {
      await orbital.signUp({ ...fields });
      await orbital.navigate(orbital.buildAfterSignUpUrl());
    });
    const input = (id: string, name: keyof typeof fields, attrs: Record<string, unknown>) =>
      h('input', {
        class: 'orb-input',
        id,
        value: fields[name],
        onInput: (e: Event) => (fields[name] = (e.target as HTMLInputElement).value),
        ...attrs,
      });
    return () =>
      h('div', { class: 'orb-card' }, [
        styles(),
        h('form', { noValidate: true, onSubmit: (event: Event) => (event.preventDefault(), void run()) }, [
          h('fieldset', { disabled: !hydrated.value }, [
            h('h2', labels.signUpTitle),
            h('p', { class: 'orb-sub' }, labels.signUpSubtitle),
            error.value && h('p', { class: 'orb-error', role: 'alert' }, error.value.message),
            h('div', { class: 'orb-row' }, [
              h('div', [
                h('label', { class: 'orb-field', for: 'orb-first' }, labels.firstName),
                input('orb-first', 'firstName', { autocomplete: 'given-name' }),
              ]),
              h('div', [
                h('label', { class: 'orb-field', for: 'orb-last' }, labels.lastName),
                input('orb-last', 'lastName', { autocomplete: 'family-name' }),
              ]),
            ]),
            h('label', { class: 'orb-field', for: 'orb-email' }, labels.email),
            input('orb-email', 'email', { type: 'email', autocomplete: 'email', required: true }),
            h('label', { class: 'orb-field', for: 'orb-new-password' }, labels.password),
            input('orb-new-password', 'password', { type: 'password', autocomplete: 'new-password', required: true }),
            h(
              'button',
              { class: 'orb-btn orb-primary', type: 'submit', disabled: isLoading.value },
              isLoading.value ? labels.working : labels.createAccount,
            ),
            h('p', { class: 'orb-foot' }, [
              labels.haveAccount,
              ' ',
              h(
                'a',
                {
                  href: hydrated.value
                    ? orbital.buildSignInUrl({ redirectUrl: orbital.buildAfterSignUpUrl() })
                    : undefined,
                },
                labels.signInLink,
              ),
            ]),
          ]),
        ]),
      ]);
  },
});
