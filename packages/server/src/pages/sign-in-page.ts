import { ApiError, REDIRECT_URL_PARAM } from '@orbital/core';
import { displayName, signInView } from '@orbital/core/ui';
import { checkCredentials } from '../domain/accounts';
import { signInClient, loadClient, writeClientCookies } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, readForm, redirect, type Exchange } from '../http/exchange';
import type { RouteHandler } from '../http/router';
import { startSession } from '../domain/sessions';
import { html } from './html';
import { alert, page } from './layout';
import { afterUrl, backToApp, pageUrl } from './target';

/** `/sign-in`: email and password, working without JavaScript. */
export function signInPage(ctx: ServerContext): Array<['GET' | 'POST', string, RouteHandler]> {
  const { options } = ctx;

  function render(
    exchange: Exchange,
    state: Awaited<ReturnType<typeof loadClient>>,
    target: string,
    error?: ApiError,
    email = '',
  ) {
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
        <button class="primary" type="submit">Continue</button>
      </form>
      <p class="muted">No account? <a href="${pageUrl('/sign-up', target, options, exchange)}">Sign up</a></p>`;
    return page(exchange, options, 'Sign in', body, error ? error.status : 200);
  }

  return [
    [
      'GET',
      '/sign-in',
      async (exchange) => {
        const state = await loadClient(ctx, exchange);
        const target = afterUrl(exchange, options);
        // Already signed in and no room for another account: there is nothing to do here.
        if (state?.active && !options.multiSession) return redirect(exchange, target, 302);
        // Signed in already: pick an account first ("add account" there comes back to this form).
        if (signInView({ url: exchange.url, sessionCount: state?.sessions.length ?? 0 }) === 'choose')
          return redirect(exchange, pageUrl('/sign-in/choose', target, options, exchange), 302);
        return render(exchange, state, target);
      },
    ],
    [
      'POST',
      '/sign-in',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const form = await readForm(exchange.request);
        const target = afterUrl(exchange, options, form);
        const email = form.get('email') ?? '';
        try {
          const user = await checkCredentials(ctx, email, form.get('password') ?? '', exchange.ip);
          const state = await startSession(ctx, await signInClient(ctx, exchange), user);
          writeClientCookies(ctx, exchange, state);
          return redirect(exchange, await backToApp(ctx, exchange, target));
        } catch (error) {
          if (!(error instanceof ApiError) || error.status >= 500) throw error;
          return render(exchange, await loadClient(ctx, exchange), target, error, email);
        }
      },
    ],
  ];
}
