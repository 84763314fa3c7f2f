import { ApiError, REDIRECT_URL_PARAM } from '@orbital/core';
import { beginSignUp, signUp } from '../domain/accounts';
import { codePage } from './verification-pages';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, type Exchange } from '../http/exchange';
import { PASSWORD_MIN_LENGTH } from '../security/password-policy';
import type { Route } from '../http/router';
import { html } from '../security/html';
import { alert, page } from './layout';
import { afterUrl, pageUrl, signInAndReturn } from './target';

/** `GET /sign-up`: the form. */
export async function showSignUp(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return signUpForm(ctx, exchange, afterUrl(exchange, ctx.options));
}

/**
 * `POST /sign-up`: with verification required, sends the code and asks for it; else creates the
 * account and signs in. Or the form again with what went wrong.
 */
export async function submitSignUp(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const form = await readForm(exchange.request);
  const target = afterUrl(exchange, ctx.options, form);
  const values = {
    email: form.get('email') ?? '',
    firstName: form.get('firstName') ?? '',
    lastName: form.get('lastName') ?? '',
  };
  try {
    const user = await signUp(ctx, { ...values, password: form.get('password') ?? '' }, exchange.ip);
    if (ctx.options.requireEmailVerification)
      return codePage(ctx, exchange, await beginSignUp(ctx, user, target), target);
    return signInAndReturn(ctx, exchange, user, target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return signUpForm(ctx, exchange, target, error, values);
  }
}

/** `/sign-up`: create an account with email and password; signs in on success. */
export const signUpRoutes: Route[] = [
  ['GET', '/sign-up', showSignUp],
  ['POST', '/sign-up', submitSignUp],
];

function signUpForm(
  { options }: ServerContext,
  exchange: Exchange,
  target: string,
  error?: ApiError,
  values: Record<string, string> = {},
): Response {
  const body = html`
      <h1>Create your account</h1>
      <p class="lead">to continue to ${options.appName}</p>
      ${alert(error?.message)}
      <form method="post" action="${pageUrl('/sign-up', null, options)}" novalidate>
        <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
        <div class="row">
          <div><label for="firstName">First name</label><input id="firstName" name="firstName" type="text" autocomplete="given-name" value="${values.firstName ?? ''}"></div>
          <div><label for="lastName">Last name</label><input id="lastName" name="lastName" type="text" autocomplete="family-name" value="${values.lastName ?? ''}"></div>
        </div>
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" autocomplete="email" required value="${values.email ?? ''}" ${error?.code.startsWith('identifier') ? html`aria-describedby="form-error" aria-invalid="true"` : ''}>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN_LENGTH}" aria-describedby="password-hint${error?.code === 'password_weak' ? ' form-error' : ''}">
        <p class="muted" id="password-hint">At least ${PASSWORD_MIN_LENGTH} characters, hard to guess: a few unrelated words work well.</p>
        <button class="primary" type="submit">Create account</button>
      </form>
      <p class="muted">Have an account? <a href="${pageUrl('/sign-in', target, options, exchange)}">Sign in</a></p>`;
  return page(exchange, options, 'Sign up', body, error ? error.status : 200);
}
