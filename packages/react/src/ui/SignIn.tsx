import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { displayName, initials, labels, signInView } from '@orbital/core/ui';
import { useAction } from '../useAction';
import { useHydrated } from '../useHydrated';
import { useOrbital, useOrbitalState } from '../useOrbital';
import { Styles } from './Styles';

const noSubscribe = () => () => {};

/**
 * The prebuilt sign-in: email and password; the account chooser at `<signInUrl>/choose`, and at the
 * sign-in page itself while this browser has sessions (unless adding an account).
 * After signing in it goes to the validated `redirect_url`, else `afterSignInUrl`.
 */
export function SignIn({ mode }: { mode?: 'form' | 'choose' }) {
  const url = useSyncExternalStore(
    noSubscribe,
    () => window.location.href,
    () => null,
  );
  const { sessions, isLoaded } = useOrbitalState('SignIn');
  const choose = signInView({ url, mode, sessionCount: isLoaded ? sessions.length : null }) === 'choose';
  return (
    <div className="orb-card">
      <Styles />
      {choose ? <AccountChooser /> : <SignInForm />}
    </div>
  );
}

function SignInForm() {
  const orbital = useOrbital();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const hydrated = useHydrated();
  const { run, isLoading, error } = useAction(async () => {
    await orbital.signIn({ identifier, password });
    await orbital.navigate(orbital.buildAfterSignInUrl());
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? 'orb-signin-error' : undefined}>
      <fieldset disabled={!hydrated}>
        <h2>{labels.signInTitle}</h2>
        <p className="orb-sub">{labels.signInSubtitle}</p>
        {error && (
          <p className="orb-error" role="alert" id="orb-signin-error">
            {error.message}
          </p>
        )}
        <label className="orb-field" htmlFor="orb-identifier">
          {labels.email}
        </label>
        <input
          className="orb-input"
          id="orb-identifier"
          type="email"
          autoComplete="username"
          required
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <label className="orb-field" htmlFor="orb-password">
          {labels.password}
        </label>
        <input
          className="orb-input"
          id="orb-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="orb-foot">
          <a href={hydrated ? orbital.buildForgotPasswordUrl() : undefined}>{labels.forgotPassword}</a>
        </p>
        <button className="orb-btn orb-primary" type="submit" disabled={isLoading}>
          {isLoading ? labels.working : labels.continue}
        </button>
        <p className="orb-foot">
          {labels.noAccount}{' '}
          <a href={hydrated ? orbital.buildSignUpUrl({ redirectUrl: orbital.buildAfterSignInUrl() }) : undefined}>
            {labels.signUpLink}
          </a>
        </p>
      </fieldset>
    </form>
  );
}

function AccountChooser() {
  const orbital = useOrbital();
  const { sessions } = useOrbitalState('SignIn');
  const target = orbital.buildAfterSignInUrl();
  const { run, isLoading, error } = useAction(async (sessionId: string) =>
    orbital.setActive({ session: sessionId, redirectUrl: target }),
  );
  const addAccountUrl = orbital.buildSignInUrl({ redirectUrl: target, addAccount: true });
  const hydrated = useHydrated();
  return (
    <div>
      <h2>{labels.chooseTitle}</h2>
      {error && (
        <p className="orb-error" role="alert">
          {error.message}
        </p>
      )}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {sessions.map((session) => (
          <li key={session.id} style={{ margin: '.5rem 0' }}>
            <button
              className="orb-btn"
              style={{ width: '100%', display: 'flex', gap: '.75rem', alignItems: 'center', textAlign: 'left' }}
              disabled={isLoading}
              onClick={() => void run(session.id)}
            >
              <span className="orb-avatar" aria-hidden="true">
                {initials(session.user)}
              </span>
              <span>
                <strong>{displayName(session.user)}</strong>
                <br />
                <small>{session.user.email}</small>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="orb-foot">
        <a href={hydrated ? addAccountUrl : undefined}>{labels.addAccount}</a>
      </p>
      <button className="orb-btn" type="button" onClick={() => void orbital.signOut()}>
        {labels.signOutAll}
      </button>
    </div>
  );
}
