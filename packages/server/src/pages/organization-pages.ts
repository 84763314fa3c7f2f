import { ApiError, REDIRECT_URL_PARAM } from '@orbital/core';
import { displayName } from '@orbital/core/ui';
import { publicUser } from '../domain/accounts';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import {
  createOrganization,
  deleteOrganization,
  inviteMember,
  membershipOf,
  parseRole,
  pendingInvitations,
  removeMember,
  renameOrganization,
  revokeInvitation,
  setMemberRole,
} from '../domain/organizations';
import type { Route, RouteHandler } from '../http/router';
import { html } from '../security/html';
import { alert, page } from './layout';
import { afterUrl, backToApp, pageUrl } from './target';

type Membership = Awaited<ReturnType<typeof membershipOf>>;

/** `GET /organizations/new`: the form. */
export async function showNewOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  if (!(await activeUser(ctx, exchange))) return toSignIn(ctx, exchange);
  return newOrganizationForm(ctx, exchange, afterUrl(exchange, ctx.options));
}

/** `POST /organizations/new`: creates it (the user becomes its admin) and goes back to the app or to its page. */
export async function submitNewOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  assertTrustedOrigin(exchange, options);
  const user = await activeUser(ctx, exchange);
  if (!user) return toSignIn(ctx, exchange);
  const form = await readForm(exchange.request);
  const values = { name: form.get('name') ?? '', slug: form.get('slug') ?? '' };
  try {
    const organization = await createOrganization(ctx, user, values);
    const target = form.get(REDIRECT_URL_PARAM)
      ? afterUrl(exchange, options, form)
      : pageUrl(`/organizations/${organization.slug}`, null, options);
    return redirect(exchange, await backToApp(ctx, exchange, target));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return newOrganizationForm(ctx, exchange, afterUrl(exchange, options, form), error, values);
  }
}

/** `GET /organizations/:slug`: members, roles and invitations; what an admin may change. */
export function showOrganization(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return organizationPage(ctx, exchange, exchange.params.slug!);
}

/**
 * A form action on an organization the user belongs to: back to its page with a notice (or to
 * where `run` says), or the page again with what went wrong.
 */
function organizationAction(
  run: (ctx: ServerContext, form: URLSearchParams, found: Membership) => Promise<string | void>,
): RouteHandler {
  return async (ctx, exchange) => {
    const { options } = ctx;
    assertTrustedOrigin(exchange, options);
    const user = await activeUser(ctx, exchange);
    if (!user) return toSignIn(ctx, exchange);
    const form = await readForm(exchange.request);
    try {
      const found = await membershipOf(ctx, user, exchange.params.slug!);
      const next = await run(ctx, form, found);
      return redirect(
        exchange,
        next ?? `${pageUrl(`/organizations/${found.organization.slug}`, null, options)}?notice=1`,
      );
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      return organizationPage(ctx, exchange, exchange.params.slug!, error);
    }
  };
}

/** `POST /organizations/:slug/rename` (admins). */
export const renameAction = organizationAction((ctx, form, found) => renameOrganization(ctx, found, form.get('name')));

/** `POST /organizations/:slug/invite` (admins). */
export const inviteAction = organizationAction(
  async (ctx, form, found) =>
    void (await inviteMember(ctx, found, form.get('email') ?? '', parseRole(form.get('role') ?? 'member'))),
);

/** `POST /organizations/:slug/invitations/revoke` (admins). */
export const revokeInvitationAction = organizationAction((ctx, form, found) =>
  revokeInvitation(ctx, found, form.get('invitation_id') ?? ''),
);

/** `POST /organizations/:slug/role` (admins). */
export const setRoleAction = organizationAction((ctx, form, found) =>
  setMemberRole(ctx, found, form.get('user_id') ?? '', parseRole(form.get('role'))),
);

/** `POST /organizations/:slug/remove`: removes a member (admins), or leaves (back to the account page). */
export const removeMemberAction = organizationAction(async (ctx, form, found) => {
  const userId = form.get('user_id') ?? '';
  await removeMember(ctx, found, userId);
  if (userId === found.membership.userId) return ctx.options.pages.userProfileUrl;
});

/** `POST /organizations/:slug/delete` (admins): back to the account page. */
export const deleteAction = organizationAction(async (ctx, _form, found) => {
  await deleteOrganization(ctx, found);
  return ctx.options.pages.userProfileUrl;
});

/** `/organizations/new` and `/organizations/:slug`: the same look, no JavaScript, authorization on the server. */
export const organizationPageRoutes: Route[] = [
  ['GET', '/organizations/new', showNewOrganization],
  ['POST', '/organizations/new', submitNewOrganization],
  ['GET', '/organizations/:slug', showOrganization],
  ['POST', '/organizations/:slug/rename', renameAction],
  ['POST', '/organizations/:slug/invite', inviteAction],
  ['POST', '/organizations/:slug/invitations/revoke', revokeInvitationAction],
  ['POST', '/organizations/:slug/role', setRoleAction],
  ['POST', '/organizations/:slug/remove', removeMemberAction],
  ['POST', '/organizations/:slug/delete', deleteAction],
];

async function activeUser(ctx: ServerContext, exchange: Exchange) {
  return (await loadClient(ctx, exchange))?.active?.user ?? null;
}

function toSignIn({ options }: ServerContext, exchange: Exchange): Response {
  return redirect(exchange, pageUrl('/sign-in', `${options.url}${exchange.path}`, options), 302);
}

function newOrganizationForm(
  { options }: ServerContext,
  exchange: Exchange,
  target: string,
  error?: ApiError,
  values: { name?: string; slug?: string } = {},
): Response {
  const body = html`
    <h1>Create an organization</h1>
    <p class="lead">You will be its admin.</p>
    ${alert(error?.message)}
    <form method="post" action="${pageUrl('/organizations/new', null, options)}">
      <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
      <label for="name">Name</label>
      <input id="name" name="name" type="text" required value="${values.name ?? ''}">
      <label for="slug">Slug (optional)</label>
      <input id="slug" name="slug" type="text" value="${values.slug ?? ''}" aria-describedby="slug-hint">
      <p class="muted" id="slug-hint">Lower-case letters, digits and dashes; made from the name when left empty.</p>
      <button class="primary" type="submit">Create organization</button>
    </form>`;
  return page(exchange, options, 'Create an organization', body, error ? error.status : 200);
}

async function organizationPage(
  ctx: ServerContext,
  exchange: Exchange,
  slug: string,
  error?: ApiError,
): Promise<Response> {
  const { options, store } = ctx;
  const user = await activeUser(ctx, exchange);
  if (!user) return toSignIn(ctx, exchange);
  let found;
  try {
    found = await membershipOf(ctx, user, slug);
  } catch (caught) {
    if (caught instanceof ApiError)
      return page(
        exchange,
        options,
        'Not found',
        html`<h1>Organization not found</h1><p class="alert" role="alert">${caught.message}</p>`,
        caught.status,
      );
    throw caught;
  }
  const { organization, membership } = found;
  const isAdmin = membership.role === 'admin';
  const members = await Promise.all(
    (await store.listMembers(organization.id)).map(async (m) => ({
      ...m,
      user: publicUser((await store.findUserById(m.userId))!),
    })),
  );
  const invitations = isAdmin ? await pendingInvitations(ctx, found) : [];
  const action = (path: string) => pageUrl(`/organizations/${organization.slug}${path}`, null, options);
  const notice = exchange.url.searchParams.get('notice');
  const body = html`
    <h1>${organization.name}</h1>
    <p class="lead">${organization.slug} · you are ${membership.role === 'admin' ? 'an admin' : 'a member'}</p>
    ${notice ? html`<p class="notice" role="status">Saved.</p>` : ''}
    ${alert(error?.message)}
    ${
      isAdmin
        ? html`<h2>Name</h2><form method="post" action="${action('/rename')}"><label for="name">Organization name</label><input id="name" name="name" type="text" value="${organization.name}" required><button type="submit" style="margin-top:1rem">Rename</button></form>`
        : ''
    }
    <h2>Members</h2>
    <table>
      <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
      <tbody>${members.map(
        (m) =>
          html`<tr><td>${displayName(m.user)}<br><span class="muted">${m.user.email}</span></td><td>${m.role}</td><td>${
            isAdmin
              ? html`<form method="post" action="${action('/role')}"><input type="hidden" name="user_id" value="${m.userId}"><input type="hidden" name="role" value="${m.role === 'admin' ? 'member' : 'admin'}"><button class="link" type="submit">Make ${m.role === 'admin' ? 'member' : 'admin'}</button></form>
               ${m.userId === user.id ? '' : html`<form method="post" action="${action('/remove')}"><input type="hidden" name="user_id" value="${m.userId}"><button class="link danger" type="submit">Remove</button></form>`}`
              : ''
          }</td></tr>`,
      )}</tbody>
    </table>
    ${
      isAdmin
        ? html`<h2>Invite someone</h2>
        <form method="post" action="${action('/invite')}">
          <label for="email">Email address</label><input id="email" name="email" type="email" required>
          <label for="role">Role</label><select id="role" name="role"><option value="member">Member</option><option value="admin">Admin</option></select>
          <button type="submit" style="margin-top:1rem">Send invitation</button>
        </form>
        <p class="muted">They join once they accept it, from their account page, after signing in or up with that address.</p>
        ${
          invitations.length
            ? html`<h2>Pending invitations</h2><ul>${invitations.map(
                (
                  i,
                ) => html`<li>${i.email} <span class="muted">(${i.role}, until ${new Date(i.expiresAt * 1000).toISOString().slice(0, 10)})</span>
                <form method="post" action="${action('/invitations/revoke')}" style="display:inline"><input type="hidden" name="invitation_id" value="${i.id}"><button class="link danger" type="submit">Revoke</button></form></li>`,
              )}</ul>`
            : ''
        }`
        : ''
    }
    <h2>Leave</h2>
    <form method="post" action="${action('/remove')}"><input type="hidden" name="user_id" value="${user.id}"><button class="danger" type="submit">Leave ${organization.name}</button></form>
    ${isAdmin ? html`<h2>Delete</h2><form method="post" action="${action('/delete')}"><button class="danger" type="submit">Delete ${organization.name}</button></form>` : ''}`;
  return page(exchange, options, organization.name, body, error ? error.status : 200, true);
}
