import {
  DEV_BROWSER_PARAM,
  REDIRECT_URL_PARAM,
  afterAuthUrl,
  isCrossSite,
  safeRedirectUrl,
  withDevBrowser,
} from '@orbital/core';
import { loadClient, signInClient, writeClientCookies } from '../http/request-client';
import { startSession } from '../domain/sessions';
import type { NewUser, UserRecord } from '../store/types';
import type { ServerContext } from '../context';
import { redirect, type Exchange } from '../http/exchange';
import { newClientToken } from '../security/tokens';
import type { ResolvedOptions } from '../options';

/**
 * Where to go after an account page: the validated `redirect_url` (query or form field), else the
 * profile page. An unsafe target is dropped, never followed. A page shown for a satellite (another
 * site) sends it through the sync endpoint, so it arrives signed in rather than half-way — except
 * in development for an app that came with its development-browser token, which gets a token of
 * its own on the way back (`backToApp`). The decision is made when the page is shown; the form
 * carries it as is.
 */
export function afterUrl(exchange: Exchange, options: ResolvedOptions, form?: URLSearchParams): string {
  const fromForm = form?.get(REDIRECT_URL_PARAM);
  const raw = fromForm ?? exchange.url.searchParams.get(REDIRECT_URL_PARAM);
  const where = { base: options.origin, allowedOrigins: options.trustedOrigins };
  // The form carries the decision made when the page was shown; a development app that came with
  // its development-browser token goes straight back (it gets a token of its own on the way).
  const devApp = options.mode === 'development' && exchange.url.searchParams.has(DEV_BROWSER_PARAM);
  const target =
    (fromForm ?? null) !== null || devApp
      ? safeRedirectUrl(raw, where)?.href
      : afterAuthUrl(raw, { ...where, cookieOrigin: options.origin, authServerUrl: options.url });
  return target ?? options.pages.userProfileUrl;
}

/**
 * The URL to send the browser back to the app with. In development, an app on another site learns
 * this browser's client through a new development-browser token bound to that app's origin —
 * never the HttpOnly client token itself, which stays in its cookie.
 */
export async function backToApp(ctx: ServerContext, exchange: Exchange, target: string): Promise<string> {
  const { options } = ctx;
  const url = new URL(target, options.origin);
  if (options.mode !== 'development' || !isCrossSite(url, options.origin)) return target;
  const state = await loadClient(ctx, exchange);
  if (!state) return target;
  const { token, hash } = newClientToken();
  await ctx.store.addClientToken(state.client.id, hash, options.nowSeconds(), url.origin);
  return withDevBrowser(url, token);
}

/**
 * A hosted page URL that carries the same `redirect_url` along — and, from a page a development
 * app sent the browser to (`from`), the marker that it came with its development-browser token, so
 * the next page too returns straight to it (see {@link afterUrl}).
 */
export function pageUrl(path: string, redirectUrl: string | null, options: ResolvedOptions, from?: Exchange): string {
  const url = new URL(`${options.url}${path}`);
  if (redirectUrl && redirectUrl !== options.pages.userProfileUrl)
    url.searchParams.set(REDIRECT_URL_PARAM, redirectUrl);
  const devApp = options.mode === 'development' ? from?.url.searchParams.get(DEV_BROWSER_PARAM) : null;
  if (devApp) url.searchParams.set(DEV_BROWSER_PARAM, devApp);
  return url.pathname + url.search;
}

/** Starts a session for `user` in this browser (fresh credentials), and sends it back to the app. */
export async function signInAndReturn(
  ctx: ServerContext,
  exchange: Exchange,
  user: UserRecord | NewUser,
  target: string,
): Promise<Response> {
  const state = await startSession(ctx, await signInClient(ctx, exchange), user);
  writeClientCookies(ctx, exchange, state);
  return redirect(exchange, await backToApp(ctx, exchange, target));
}
