import { ApiError, FORGOT_PASSWORD_PATH, REDIRECT_URL_PARAM, type VerificationPurpose } from '@orbital/core';
import {
  applyEmailChange,
  completeSignUp,
  requestPasswordReset,
  resetPassword,
  verifyEmailChange,
} from '../domain/accounts';
import { revokeOtherSessions } from '../domain/sessions';
import {
  VERIFY_PATH,
  findByLink,
  resendVerification,
  verificationNotFound,
  verifyCode,
  verifyLink,
} from '../domain/verifications';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { html } from '../security/html';
import { PASSWORD_MIN_LENGTH } from '../security/password-policy';
import type { VerificationRecord } from '../store/types';
import { alert, errorPage, page } from './layout';
import { afterUrl, pageUrl, signInAndReturn } from './target';

/** Where each kind of code is entered. */
const CODE_ACTIONS: Record<VerificationPurpose, string> = {
  sign_up: '/sign-up/verify',
  password_reset: '/reset-password',
  email_change: '/user/email/verify',
};

/**
 * "Check your email": the code field for a sign-up, reset or email change, and a button for a new
 * code. A reset asks for the new password on the same page.
 */
export function codePage(
  ctx: ServerContext,
  exchange: Exchange,
  verification: Pick<VerificationRecord, 'id' | 'purpose' | 'email'>,
  target: string,
  message?: { error?: ApiError | undefined; notice?: string | undefined },
): Response {
  const { options } = ctx;
  const reset = verification.purpose === 'password_reset';
  const body = html`
    <h1>${reset ? 'Reset your password' : 'Check your email'}</h1>
    <p class="lead">We sent a six-digit code to <strong>${verification.email}</strong>${reset ? ' if an account uses it' : ''}.</p>
    ${message?.notice ? html`<p class="notice" role="status">${message.notice}</p>` : ''}
    ${alert(message?.error?.message)}
    <form method="post" action="${pageUrl(CODE_ACTIONS[verification.purpose], null, options)}" novalidate>
      <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
      <input type="hidden" name="verification_id" value="${verification.id}">
      <label for="code">Verification code</label>
      <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus ${message?.error ? html`aria-describedby="form-error" aria-invalid="true"` : ''}>
      ${reset ? passwordFields() : ''}
      <button class="primary" type="submit">${reset ? 'Set new password' : 'Verify email'}</button>
    </form>
    <form method="post" action="${pageUrl('/verify/resend', null, options)}">
      <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
      <input type="hidden" name="verification_id" value="${verification.id}">
      <button class="link" type="submit">Send a new code</button>
    </form>`;
  return page(
    exchange,
    options,
    reset ? 'Reset your password' : 'Check your email',
    body,
    message?.error?.status ?? 200,
  );
}

/** The account page, saying whether the address changed or the current one is now verified. */
function accountPageAfterEmail(options: ServerContext['options'], changed: boolean): string {
  return `${pageUrl('/user', null, options)}?notice=${changed ? 'email' : 'verified'}`;
}

function passwordFields() {
  return html`
    <label for="password">New password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN_LENGTH}">
    <label><input type="checkbox" name="signOutOtherSessions" value="1" checked> Sign out of my other sessions</label>`;
}

/** `POST /sign-up/verify`: the code creates the account and signs in, back to the app. */
export async function submitSignUpCode(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return withCodeForm(ctx, exchange, async (form, target) => {
    const verification = await verifyCode(ctx, form.get('verification_id') ?? '', 'sign_up', form.get('code') ?? '');
    return signInAndReturn(ctx, exchange, await completeSignUp(ctx, verification), target);
  });
}

/** `POST /verify/resend`: a new code, and the same page again. */
export async function submitResend(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return withCodeForm(ctx, exchange, async (form, target) => {
    const verification = await resendVerification(ctx, form.get('verification_id') ?? '');
    return codePage(ctx, exchange, verification, target, { notice: 'A new code is on its way.' });
  });
}

/** `GET /forgot-password`: the address to send a reset code to. */
export async function showForgotPassword(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return forgotPasswordForm(ctx, exchange, afterUrl(exchange, ctx.options));
}

/** `POST /forgot-password`: the same answer whether or not an account has the address. */
export async function submitForgotPassword(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const form = await readForm(exchange.request);
  const target = afterUrl(exchange, ctx.options, form);
  try {
    const verification = await requestPasswordReset(ctx, form.get('email') ?? '', exchange.ip);
    return codePage(ctx, exchange, verification, target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return forgotPasswordForm(ctx, exchange, target, error, form.get('email') ?? '');
  }
}

/** `POST /reset-password`: the code (or the link's token) and a new password; signs in, back to the app. */
export async function submitPasswordReset(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return withCodeForm(ctx, exchange, async (form, target) => {
    const token = form.get('token');
    const proof = token
      ? { token }
      : { verificationId: form.get('verification_id') ?? '', code: form.get('code') ?? '' };
    const user = await resetPassword(ctx, proof, form.get('password') ?? '');
    if (form.get('signOutOtherSessions')) await revokeOtherSessions(ctx, user, '');
    return signInAndReturn(ctx, exchange, user, target);
  });
}

/** `POST /user/email/verify`: the code from the new address makes it the account's. */
export async function submitEmailChangeCode(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return withCodeForm(ctx, exchange, async (form) => {
    const user = (await loadClient(ctx, exchange))?.active?.user;
    if (!user) throw verificationNotFound();
    const { changed } = await verifyEmailChange(ctx, user, form.get('verification_id') ?? '', form.get('code') ?? '');
    return redirect(exchange, accountPageAfterEmail(ctx.options, changed));
  });
}

/**
 * `GET /verify?token=…`: the link from an email. A sign-up is completed and signed in here; an
 * email change applied; a reset asks for the new password first (the link is used up then).
 */
export async function openLink(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  const token = exchange.url.searchParams.get('token');
  try {
    const pending = await findByLink(ctx, token);
    if (pending.purpose === 'password_reset') return resetByLinkForm(ctx, exchange, token!);
    const verification = await verifyLink(ctx, token);
    if (verification.purpose === 'email_change') {
      const { changed } = await applyEmailChange(ctx, verification);
      return redirect(exchange, accountPageAfterEmail(options, changed));
    }
    const target = (verification.payload.redirectUrl as string | undefined) ?? options.pages.userProfileUrl;
    return signInAndReturn(ctx, exchange, await completeSignUp(ctx, verification), target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return errorPage(exchange, options, error.status, 'This link does not work', error.message);
  }
}

/** Pages for codes sent by email: sign-up verification, password reset, email change, links. */
export const verificationPageRoutes: Route[] = [
  ['POST', '/sign-up/verify', submitSignUpCode],
  ['POST', '/verify/resend', submitResend],
  ['GET', FORGOT_PASSWORD_PATH, showForgotPassword],
  ['POST', FORGOT_PASSWORD_PATH, submitForgotPassword],
  ['POST', '/reset-password', submitPasswordReset],
  ['POST', '/user/email/verify', submitEmailChangeCode],
  ['GET', VERIFY_PATH, openLink],
];

/**
 * A code form's submission: on a mistake the person can fix (a wrong code, a weak password), the
 * same page again with what went wrong.
 */
async function withCodeForm(
  ctx: ServerContext,
  exchange: Exchange,
  run: (form: URLSearchParams, target: string) => Promise<Response>,
): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const form = await readForm(exchange.request);
  const target = afterUrl(exchange, ctx.options, form);
  try {
    return await run(form, target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    const token = form.get('token');
    if (token) return resetByLinkForm(ctx, exchange, token, error);
    const verification = await ctx.store.findVerification(form.get('verification_id') ?? '');
    if (!verification) return errorPage(exchange, ctx.options, error.status, 'Start again', error.message);
    return codePage(ctx, exchange, verification, target, { error });
  }
}

function forgotPasswordForm(
  { options }: ServerContext,
  exchange: Exchange,
  target: string,
  error?: ApiError,
  email = '',
): Response {
  const body = html`
    <h1>Forgot your password?</h1>
    <p class="lead">We will send a code to your email address.</p>
    ${alert(error?.message)}
    <form method="post" action="${pageUrl(FORGOT_PASSWORD_PATH, null, options)}" novalidate>
      <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
      <label for="email">Email address</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${email}" autofocus>
      <button class="primary" type="submit">Send code</button>
    </form>
    <p class="muted"><a href="${pageUrl('/sign-in', target, options, exchange)}">Back to sign in</a></p>`;
  return page(exchange, options, 'Forgot your password?', body, error ? error.status : 200);
}

function resetByLinkForm(ctx: ServerContext, exchange: Exchange, token: string, error?: ApiError): Response {
  const { options } = ctx;
  const body = html`
    <h1>Choose a new password</h1>
    ${alert(error?.message)}
    <form method="post" action="${pageUrl('/reset-password', null, options)}" novalidate>
      <input type="hidden" name="token" value="${token}">
      ${passwordFields()}
      <button class="primary" type="submit">Set new password</button>
    </form>`;
  return page(exchange, options, 'Choose a new password', body, error ? error.status : 200);
}
