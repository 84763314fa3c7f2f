import { useState, type FormEvent } from 'react';
import type { VerificationResource } from '@orbital/core/browser';
import { labels } from '@orbital/core/ui';
import { useAction } from '../useAction';
import { useHydrated } from '../useHydrated';
import { useOrbital } from '../useOrbital';
import { Styles } from './Styles';

/**
 * The prebuilt sign-up: name, email and password, then the code sent to the address (when the auth
 * server verifies emails); signs in and goes to `redirect_url` or `afterSignUpUrl`.
 */
export function SignUp() {
  const orbital = useOrbital();
  const [fields, setFields] = useState({ firstName: '', lastName: '', email: '', password: '' });
  const [verification, setVerification] = useState<VerificationResource | null>(null);
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const hydrated = useHydrated();
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: event.target.value }));
  const { run, isLoading, error } = useAction(async (step: 'submit' | 'resend') => {
    setNotice(null);
    if (step === 'resend') {
      setVerification(await orbital.resendCode(verification!.id));
      return setNotice(labels.codeResent);
    }
    if (verification) await orbital.verifySignUp(verification.id, code);
    else {
      const result = await orbital.signUp(fields);
      if (result.status === 'needs_verification') return setVerification(result.verification);
    }
    await orbital.navigate(orbital.buildAfterSignUpUrl());
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('submit');
  };
  if (verification)
    return (
      <div className="orb-card">
        <Styles />
        <form onSubmit={submit} noValidate>
          <h2>{labels.checkEmailTitle}</h2>
          <p className="orb-sub">
            {labels.codeSentTo} <strong>{verification.email}</strong>.
          </p>
          {notice && <p role="status">{notice}</p>}
          {error && (
            <p className="orb-error" role="alert">
              {error.message}
            </p>
          )}
          <label className="orb-field" htmlFor="orb-code">
            {labels.verificationCode}
          </label>
          <input
            className="orb-input"
            id="orb-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button className="orb-btn orb-primary" type="submit" disabled={isLoading}>
            {isLoading ? labels.working : labels.verifyEmail}
          </button>
          <button className="orb-btn" type="button" disabled={isLoading} onClick={() => void run('resend')}>
            {labels.resendCode}
          </button>
        </form>
      </div>
    );
  return (
    <div className="orb-card">
      <Styles />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!hydrated}>
          <h2>{labels.signUpTitle}</h2>
          <p className="orb-sub">{labels.signUpSubtitle}</p>
          {error && (
            <p className="orb-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="orb-row">
            <div>
              <label className="orb-field" htmlFor="orb-first">
                {labels.firstName}
              </label>
              <input
                className="orb-input"
                id="orb-first"
                autoComplete="given-name"
                value={fields.firstName}
                onChange={set('firstName')}
              />
            </div>
            <div>
              <label className="orb-field" htmlFor="orb-last">
                {labels.lastName}
              </label>
              <input
                className="orb-input"
                id="orb-last"
                autoComplete="family-name"
                value={fields.lastName}
                onChange={set('lastName')}
              />
            </div>
          </div>
          <label className="orb-field" htmlFor="orb-email">
            {labels.email}
          </label>
          <input
            className="orb-input"
            id="orb-email"
            type="email"
            autoComplete="email"
            required
            value={fields.email}
            onChange={set('email')}
          />
          <label className="orb-field" htmlFor="orb-new-password">
            {labels.password}
          </label>
          <input
            className="orb-input"
            id="orb-new-password"
            type="password"
            autoComplete="new-password"
            required
            value={fields.password}
            onChange={set('password')}
          />
          <button className="orb-btn orb-primary" type="submit" disabled={isLoading}>
            {isLoading ? labels.working : labels.createAccount}
          </button>
          <p className="orb-foot">
            {labels.haveAccount}{' '}
            <a href={hydrated ? orbital.buildSignInUrl({ redirectUrl: orbital.buildAfterSignUpUrl() }) : undefined}>
              {labels.signInLink}
            </a>
          </p>
        </fieldset>
      </form>
    </div>
  );
}
