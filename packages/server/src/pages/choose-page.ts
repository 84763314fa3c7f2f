import { REDIRECT_URL_PARAM, addAccountUrl } from '@orbital/core';
import { displayName, initials, signInView } from '@orbital/core/ui';
import { loadClient, writeClientCookies } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { endAllSessions, endSession, setActiveSession } from '../domain/sessions';
import { html } from '../security/html';
import { page } from './layout';
import { afterUrl, backToApp, pageUrl } from './target';

/** `GET /sign-in/choose`: this browser's accounts, one click each; the form when there are none. */
export async function showChooser(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  const state = await loadClient(ctx, exchange);
  const target = afterUrl(exchange, options);
  if (!state || signInView({ url: exchange.url, sessionCount: state.sessions.length }) === 'form')
    return redirect(exchange, pageUrl('/sign-in', target, options), 302);
  const body = html`
    <h1>Choose an account</h1>
    <p class="lead">to continue to ${options.appName}</p>
    <ul class="accounts">
      ${state.sessions.map(
        (s) => html`<li><form method="post" action="${pageUrl('/sign-in/choose', null, options)}">
          <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
          <input type="hidden" name="session_id" value="${s.session.id}">
          <button type="submit"><span class="avatar" aria-hidden="true">${initials(s.user)}</span>
            <span><strong>${displayName(s.user)}</strong><br><span class="muted">${s.user.email}</span></span></button>
        </form></li>`,
      )}
    </ul>
    <p><a href="${addAccountUrl(pageUrl('/sign-in', target, options, exchange))}">Add another account</a></p>
    <form method="post" action="${pageUrl('/sign-out', null, options)}">
      <input type="hidden" name="${REDIRECT_URL_PARAM}" value="${target}">
      <button class="link danger" type="submit">Sign out of all accounts</button>
    </form>`;
  return page(exchange, options, 'Choose an account', body);
}

/** `POST /sign-in/choose`: makes the chosen account the active one and goes back to the app. */
export async function chooseAccount(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  assertTrustedOrigin(exchange, options);
  const form = await readForm(exchange.request);
  const state = await loadClient(ctx, exchange);
  const target = afterUrl(exchange, options, form);
  const chosen = state?.sessions.find((s) => s.session.id === form.get('session_id'));
  if (!state || !chosen) return redirect(exchange, pageUrl('/sign-in/choose', target, options));
  writeClientCookies(ctx, exchange, await setActiveSession(ctx, state, chosen.session.id));
  return redirect(exchange, await backToApp(ctx, exchange, target));
}

/** `POST /sign-out`: signs out of one account (`session_id`) or of all. */
export async function submitSignOut(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  assertTrustedOrigin(exchange, options);
  const form = await readForm(exchange.request);
  const target = afterUrl(exchange, options, form);
  const state = await loadClient(ctx, exchange);
  if (!state) return redirect(exchange, pageUrl('/sign-in', target, options));
  const one = form.get('session_id');
  const after =
    one && state.sessions.some((s) => s.session.id === one)
      ? await endSession(ctx, state, one)
      : await endAllSessions(ctx, state);
  writeClientCookies(ctx, exchange, after);
  // Other accounts remain: let the user pick one rather than guess.
  return redirect(exchange, pageUrl(after.sessions.length ? '/sign-in/choose' : '/sign-in', target, options));
}

/** `/sign-in/choose`: the account chooser, and `/sign-out` for one account or all. */
export const chooseRoutes: Route[] = [
  ['GET', '/sign-in/choose', showChooser],
  ['POST', '/sign-in/choose', chooseAccount],
  ['POST', '/sign-out', submitSignOut],
];
