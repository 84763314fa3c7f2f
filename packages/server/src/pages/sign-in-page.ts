import { ApiError, FORGOT_PASSWORD_PATH, REDIRECT_URL_PARAM } from '@orbital/core';
import { displayName, signInView } from '@orbital/core/ui';
import { checkCredentials } from '../domain/accounts';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { html } from '../security/html';
import { alert, page } from './layout';
import { afterUrl, pageUrl, signInAndReturn } from './target';

/** `GET /sign-in`: the form, or the account chooser when this browser has sessions already. */
export async function showSignIn(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  const state = await loadClient(ctx, exchange);
  const target = afterUrl(exchange, options);
  // Already signed in and no room for another account: there is nothing to do here.
  if (state?.active && !options.multiSession) return redirect(exchange, target, 302);
  // Signed in already: pick an account first ("add account" there comes back to this form).
  if (signInView({ url: exchange.url, sessionCount: state?.sessions.length ?? 0 }) === 'choose')
    return redirect(exchange, pageUrl('/sign-in/choose', target, options, exchange), 302);
  return signInForm(ctx, exchange, state, target);
}

/** `POST /sign-in`: signs in and goes back to the app, or shows the form again with what went wrong. */
export async function submitSignIn(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const form = await readForm(exchange.request);
  const target = afterUrl(exchange, ctx.options, form);
  const email = form.get('email') ?? '';
  try {
    const user = await checkCredentials(ctx, email, form.get('password') ?? '', exchange.ip);
    return signInAndReturn(ctx, exchange, user, target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return signInForm(ctx, exchange, await loadClient(ctx, exchange), target, error, email);
  }
}

/** `/sign-in`: email and password, working without JavaScript. */
export const signInRoutes: Route[] = [
  ['GET', '/sign-in', showSignIn],
  ['POST', '/sign-in', submitSignIn],
];

function signInForm(
  ctx: ServerContext,
  exchange: Exchange,
  state: Awaited<ReturnType<typeof loadClient>>,
  target: string,
  error?: ApiError,
  email = '',
): Response {
  const { options } = ctx;
  const adding = Boolean(state?.sessions.length);
  const body = html`
      <h1>${adding ? 'Add an account' : 'Sign in'}</h1>
      <p class="lead">${adding ? html`Signed in as ${state!.sessions.map((s) => displayName(s.user)).join(', ')}. <a href="${pageUrl('/sign-in/choose', target, options, exchange)}">Choose an account</a> instead.` : html`to continue to ${options.appName}`}</p>
      ${alert(error?.message)}
      <form method="post" action="${pageUrl('/sign-in', null, options)}" novalidate>
        <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${email}" ${error ? html`aria-describedby="form-error" aria-invalid="true"` : ''} autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <p class="muted"><a href="${pageUrl(FORGOT_PASSWORD_PATH, target, options, exchange)}">Forgot password?</a></p>
        <button class="primary" type="submit">Continue</button>
      </form>
      <p class="muted">No account? <a href="${pageUrl('/sign-up', target, options, exchange)}">Sign up</a></p>`;
  return page(exchange, options, 'Sign in', body, error ? error.status : 200);
}
