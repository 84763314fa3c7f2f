import { defineComponent, h, reactive, ref } from 'vue';
import type { VerificationResource } from '@orbital/core/browser';
import { labels } from '@orbital/core/ui';
import { useAction, useOrbital } from '../composables';
import { useHydrated } from '../hydrated';
import { styles } from './styles';

/**
 * The prebuilt sign-up: name, email and password, then the code sent to the address (when the auth
 * server verifies emails); signs in and goes to `redirect_url` or `afterSignUpUrl`.
 */
export const SignUp = defineComponent({
  name: 'SignUp',
  setup() {
    const orbital = useOrbital();
    const hydrated = useHydrated();
    const fields = reactive({ firstName: '', lastName: '', email: '', password: '' });
    const verification = ref<VerificationResource | null>(null);
    const code = ref('');
    const notice = ref<string | null>(null);
    const { run, isLoading, error } = useAction(async (step: 'submit' | 'resend') => {
      notice.value = null;
      if (step === 'resend') {
        verification.value = await orbital.resendCode(verification.value!.id);
        notice.value = labels.codeResent;
        return;
      }
      if (verification.value) await orbital.verifySignUp(verification.value.id, code.value);
      else {
        const result = await orbital.signUp({ ...fields });
        if (result.status === 'needs_verification') return void (verification.value = result.verification);
      }
      await orbital.navigate(orbital.buildAfterSignUpUrl());
    });
    const codeStep = (pending: VerificationResource) =>
      h('div', { class: 'orb-card' }, [
        styles(),
        h('form', { noValidate: true, onSubmit: (event: Event) => (event.preventDefault(), void run('submit')) }, [
          h('h2', labels.checkEmailTitle),
          h('p', { class: 'orb-sub' }, [labels.codeSentTo, ' ', h('strong', pending.email), '.']),
          notice.value && h('p', { role: 'status' }, notice.value),
          error.value && h('p', { class: 'orb-error', role: 'alert' }, error.value.message),
          h('label', { class: 'orb-field', for: 'orb-code' }, labels.verificationCode),
          h('input', {
            class: 'orb-input',
            id: 'orb-code',
            inputmode: 'numeric',
            autocomplete: 'one-time-code',
            maxlength: 6,
            required: true,
            autofocus: true,
            value: code.value,
            onInput: (e: Event) => (code.value = (e.target as HTMLInputElement).value),
          }),
          h(
            'button',
            { class: 'orb-btn orb-primary', type: 'submit', disabled: isLoading.value },
            isLoading.value ? labels.working : labels.verifyEmail,
          ),
          h(
            'button',
            { class: 'orb-btn', type: 'button', disabled: isLoading.value, onClick: () => void run('resend') },
            labels.resendCode,
          ),
        ]),
      ]);
    const input = (id: string, name: keyof typeof fields, attrs: Record<string, unknown>) =>
      h('input', {
        class: 'orb-input',
        id,
        value: fields[name],
        onInput: (e: Event) => (fields[name] = (e.target as HTMLInputElement).value),
        ...attrs,
      });
    return () =>
      verification.value
        ? codeStep(verification.value)
        : h('div', { class: 'orb-card' }, [
            styles(),
            h('form', { noValidate: true, onSubmit: (event: Event) => (event.preventDefault(), void run('submit')) }, [
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
                input('orb-new-password', 'password', {
                  type: 'password',
                  autocomplete: 'new-password',
                  required: true,
                }),
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
