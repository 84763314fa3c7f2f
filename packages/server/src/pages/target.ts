import { REDIRECT_URL_PARAM, buildSyncUrl, isAllowedOrigin, isCrossSite, safeRedirectUrl, withDevBrowser } from '@orbital/core';
import { trustedOrigins, type Exchange } from '../http';
import type { ResolvedOptions } from '../options';

/**
 * Where to go after an account page: the validated `redirect_url` (query or form field), else the
 * profile page. An unsafe target is dropped, never followed. A satellite (a configured origin)
 * is reached through the sync endpoint, so it arrives signed in rather than half-way.
 */
export function afterUrl(exchange: Exchange, options: ResolvedOptions, form?: URLSearchParams): string {
  const raw = form?.get(REDIRECT_URL_PARAM) ?? exchange.url.searchParams.get(REDIRECT_URL_PARAM);
  const target = safeRedirectUrl(raw, { base: options.origin, allowedOrigins: trustedOrigins(options) });
  if (!target) return options.pages.userProfileUrl;
  const isSatellite = target.origin !== options.origin && isAllowedOrigin(target.origin, options.origin, options.allowedRedirectOrigins);
  return isSatellite ? buildSyncUrl(options.url, target) : target.href;
}

/**
 * The URL to send the browser back to the app with. In development, an app on another site learns
 * its client through the development-browser token in the URL.
 */
export function backToApp(exchange: Exchange, options: ResolvedOptions, target: string): string {
  const url = new URL(target, options.origin);
  if (options.mode !== 'development' || !isCrossSite(url, options.origin)) return target;
  return withDevBrowser(url, exchange.cookies[options.names.client]);
}

/** A hosted page URL that carries the same `redirect_url` along. */
export function pageUrl(path: string, redirectUrl: string | null, options: ResolvedOptions): string {
  const url = new URL(`${options.url}${path}`);
  if (redirectUrl && redirectUrl !== options.pages.userProfileUrl) url.searchParams.set(REDIRECT_URL_PARAM, redirectUrl);
  return url.pathname + url.search;
}
