import { ApiError } from '@orbital/core';
import { displayName } from '@orbital/core/ui';
import { changePassword, requestEmailChange, updateProfile } from '../domain/accounts';
import { codePage } from './verification-pages';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import type { Route, RouteHandler } from '../http/router';
import { revokeOtherSessions, revokeSession, userSessions } from '../domain/sessions';
import { answerInvitation, invitationsFor } from '../domain/organizations';
import { html } from '../security/html';
import { alert, page } from './layout';
import { pageUrl } from './target';

const NOTICES: Record<string, string> = {
  profile: 'Your profile was saved.',
  password: 'Your password was changed.',
  revoked: 'The session was signed out.',
  accepted: 'You joined the organization.',
  declined: 'The invitation was declined.',
  email: 'Your email address was changed.',
  verified: 'Your email address is verified.',
};

type Active = NonNullable<Awaited<ReturnType<typeof activeSession>>>;

/** `GET /user`: profile, password, invitations, and the user's sessions on every device. */
export function showAccount(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return accountPage(ctx, exchange);
}

/**
 * A form action on the active user's account: back to `/user` with a notice, or the page again
 * with what went wrong.
 */
function accountAction(
  notice: keyof typeof NOTICES,
  run: (ctx: ServerContext, current: Active, form: URLSearchParams, exchange: Exchange) => Promise<unknown>,
): RouteHandler {
  return async (ctx, exchange) => {
    assertTrustedOrigin(exchange, ctx.options);
    const current = await activeSession(ctx, exchange);
    if (!current) return toSignIn(ctx, exchange);
    const form = await readForm(exchange.request);
    try {
      await run(ctx, current, form, exchange);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      return accountPage(ctx, exchange, error);
    }
    return redirect(exchange, `${pageUrl('/user', null, ctx.options)}?notice=${notice}`);
  };
}

/** `POST /user/profile`: first and last name. */
export const saveProfile = accountAction('profile', (ctx, current, form) =>
  updateProfile(ctx, current.user, { firstName: form.get('firstName') ?? '', lastName: form.get('lastName') ?? '' }),
);

/** `POST /user/password`: a new password, given the current one; other sessions end with it unless unticked. */
export const savePassword = accountAction('password', async (ctx, current, form, exchange) => {
  const user = await changePassword(
    ctx,
    current.user,
    form.get('currentPassword') ?? '',
    form.get('newPassword') ?? '',
    exchange.ip,
  );
  if (form.get('signOutOtherSessions')) await revokeOtherSessions(ctx, user, current.session.id);
});

/** `POST /user/email`: a code to the new address, asked for on the next page; nothing changes before. */
export async function submitEmailChange(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const current = await activeSession(ctx, exchange);
  if (!current) return toSignIn(ctx, exchange);
  const form = await readForm(exchange.request);
  try {
    const verification = await requestEmailChange(ctx, current.user, form.get('email') ?? '');
    return codePage(ctx, exchange, verification, ctx.options.pages.userProfileUrl);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return accountPage(ctx, exchange, error);
  }
}

/** `POST /user/invitations/accept`. */
export const acceptInvitation = accountAction('accepted', (ctx, current, form) =>
  answerInvitation(ctx, current.user, form.get('invitation_id') ?? '', 'accepted'),
);

/** `POST /user/invitations/decline`. */
export const declineInvitation = accountAction('declined', (ctx, current, form) =>
  answerInvitation(ctx, current.user, form.get('invitation_id') ?? '', 'declined'),
);

/** `POST /user/sessions/revoke`: signs one of the user's devices out. */
export const signOutDevice = accountAction('revoked', (ctx, current, form) =>
  revokeSession(ctx, current.user, form.get('session_id') ?? ''),
);

/** `/user`: the account page and its forms. */
export const userRoutes: Route[] = [
  ['GET', '/user', showAccount],
  ['POST', '/user/profile', saveProfile],
  ['POST', '/user/password', savePassword],
  ['POST', '/user/email', submitEmailChange],
  ['POST', '/user/invitations/accept', acceptInvitation],
  ['POST', '/user/invitations/decline', declineInvitation],
  ['POST', '/user/sessions/revoke', signOutDevice],
];

async function activeSession(ctx: ServerContext, exchange: Exchange) {
  return (await loadClient(ctx, exchange))?.active ?? null;
}

function toSignIn({ options }: ServerContext, exchange: Exchange): Response {
  return redirect(exchange, pageUrl('/sign-in', options.pages.userProfileUrl, options), 302);
}

async function accountPage(ctx: ServerContext, exchange: Exchange, error?: ApiError): Promise<Response> {
  const { options } = ctx;
  const current = await activeSession(ctx, exchange);
  if (!current) return toSignIn(ctx, exchange);
  const { user } = current;
  const sessions = await userSessions(ctx, current);
  const invitations = await invitationsFor(ctx, user);
  const notice = NOTICES[exchange.url.searchParams.get('notice') ?? ''];
  const formatTime = (seconds: number) =>
    new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const body = html`
      <h1>${displayName(user)}</h1>
      <p class="lead">${user.email}</p>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      ${alert(error?.message)}
      ${
        invitations.length
          ? html`<h2>Invitations</h2><ul>${invitations.map(
              (
                i,
              ) => html`<li><strong>${i.organization.name}</strong> invites you as ${i.role === 'admin' ? 'an admin' : 'a member'}.
              <form method="post" action="${pageUrl('/user/invitations/accept', null, options)}" style="display:inline"><input type="hidden" name="invitation_id" value="${i.id}"><button class="primary" type="submit">Accept</button></form>
              <form method="post" action="${pageUrl('/user/invitations/decline', null, options)}" style="display:inline"><input type="hidden" name="invitation_id" value="${i.id}"><button class="link" type="submit">Decline</button></form></li>`,
            )}</ul>`
          : ''
      }
      <h2>Profile</h2>
      <form method="post" action="${pageUrl('/user/profile', null, options)}">
        <div class="row">
          <div><label for="firstName">First name</label><input id="firstName" name="firstName" type="text" autocomplete="given-name" value="${user.firstName ?? ''}"></div>
          <div><label for="lastName">Last name</label><input id="lastName" name="lastName" type="text" autocomplete="family-name" value="${user.lastName ?? ''}"></div>
        </div>
        <button type="submit" style="margin-top:1rem">Save profile</button>
      </form>
      <h2>Email address</h2>
      <p>${user.email} <span class="muted">(${user.emailVerified ? 'verified' : 'not verified'})</span></p>
      ${
        user.emailVerified
          ? ''
          : html`<form method="post" action="${pageUrl('/user/email', null, options)}"><input type="hidden" name="email" value="${user.email}"><button type="submit">Verify ${user.email}</button></form>`
      }
      <form method="post" action="${pageUrl('/user/email', null, options)}">
        <label for="newEmail">New email address</label>
        <input id="newEmail" name="email" type="email" autocomplete="email" required>
        <button type="submit" style="margin-top:1rem">Change email</button>
      </form>
      <h2>Password</h2>
      <form method="post" action="${pageUrl('/user/password', null, options)}">
        <label for="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
        <label for="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required>
        <label><input type="checkbox" name="signOutOtherSessions" value="1" checked> Sign out of my other sessions</label>
        <button type="submit">Change password</button>
      </form>
      <h2>Active sessions</h2>
      <table>
        <thead><tr><th scope="col">Signed in</th><th scope="col">Last active</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
        <tbody>${sessions.map(
          (
            s,
          ) => html`<tr><td>${formatTime(s.createdAt)}${s.current ? html` <strong>(this session)</strong>` : s.sameBrowser ? ' (this browser)' : ''}</td><td>${formatTime(s.lastActiveAt)}</td>
            <td>${s.current ? '' : html`<form method="post" action="${pageUrl('/user/sessions/revoke', null, options)}"><input type="hidden" name="session_id" value="${s.id}"><button class="link danger" type="submit">Sign out</button></form>`}</td></tr>`,
        )}</tbody>
      </table>
      <h2>Sign out</h2>
      <div class="row">
        <form method="post" action="${pageUrl('/sign-out', null, options)}"><input type="hidden" name="session_id" value="${current.session.id}"><button type="submit">Sign out</button></form>
        <form method="post" action="${pageUrl('/sign-out', null, options)}"><button class="danger" type="submit">Sign out of all accounts</button></form>
      </div>`;
  return page(exchange, options, 'Your account', body, error ? error.status : 200, true);
}
