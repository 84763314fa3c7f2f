import {
  FORGOT_PASSWORD_PATH,
  REDIRECT_URL_PARAM,
  addAccountUrl,
  chooseUrl,
  hostedPageUrls,
  withRedirectUrl,
} from '../account-urls';
import type { OrbitalOptions } from '../options';
import { afterAuthUrl, buildSyncUrl } from '../satellite-sync';

/** What the URL builders read: the auth server, the app's public options, and the current page. */
export interface UrlContext {
  authServerUrl: string;
  options: Pick<
    OrbitalOptions,
    | 'signInUrl'
    | 'signUpUrl'
    | 'userProfileUrl'
    | 'afterSignInUrl'
    | 'afterSignUpUrl'
    | 'afterSignOutUrl'
    | 'afterMultiSessionSingleSignOutUrl'
    | 'allowedRedirectOrigins'
    | 'isSatellite'
  >;
  /** The current page's URL; null where there is none (server rendering). */
  location: string | null;
}

/** The sign-in, sign-up and profile pages: the app's own when configured, else the hosted ones. */
export function accountPages({ authServerUrl, options }: UrlContext) {
  const hosted = hostedPageUrls(authServerUrl);
  return {
    signInUrl: options.signInUrl ?? hosted.signInUrl,
    signUpUrl: options.signUpUrl ?? hosted.signUpUrl,
    userProfileUrl: options.userProfileUrl ?? hosted.userProfileUrl,
  };
}

/** The sign-in page with a way back; on a satellite, the primary's sync endpoint (no form if already signed in there). */
export function signInUrl(
  ctx: UrlContext,
  params: { redirectUrl?: string | undefined; addAccount?: boolean | undefined } = {},
): string {
  const back = params.redirectUrl ?? ctx.location ?? undefined;
  if (ctx.options.isSatellite && back) return buildSyncUrl(ctx.authServerUrl, new URL(back, ctx.location ?? undefined));
  const url = withRedirectUrl(accountPages(ctx).signInUrl, back);
  // With live sessions the sign-in page opens the chooser, unless asked to add an account.
  return params.addAccount ? addAccountUrl(url) : url;
}

export function signUpUrl(ctx: UrlContext, params: { redirectUrl?: string | undefined } = {}): string {
  const back = params.redirectUrl ?? ctx.location ?? undefined;
  if (ctx.options.isSatellite && back)
    return buildSyncUrl(ctx.authServerUrl, new URL(back, ctx.location ?? undefined), { flow: 'sign-up' });
  return withRedirectUrl(accountPages(ctx).signUpUrl, back);
}

/** The validated `redirect_url` of the current page (see {@link afterAuthUrl}). */
function redirectTarget({ authServerUrl, options, location }: UrlContext): string | null {
  if (!location) return null;
  const page = new URL(location);
  // The sign-in just wrote this page's own cookies: its site (and subdomains) arrive signed in.
  return afterAuthUrl(page.searchParams.get(REDIRECT_URL_PARAM), {
    base: page.origin,
    allowedOrigins: options.allowedRedirectOrigins,
    cookieOrigin: page.origin,
    authServerUrl,
  });
}

/** Where to go after signing in: a validated `redirect_url` in the current URL, else `afterSignInUrl`. */
/** The auth server's reset page, coming back where signing in would (it signs in). */
export function forgotPasswordUrl(ctx: UrlContext, params: { redirectUrl?: string | undefined } = {}): string {
  return withRedirectUrl(`${ctx.authServerUrl}${FORGOT_PASSWORD_PATH}`, params.redirectUrl ?? afterSignInUrl(ctx));
}

export function afterSignInUrl(ctx: UrlContext): string {
  return redirectTarget(ctx) ?? ctx.options.afterSignInUrl ?? '/';
}

export function afterSignUpUrl(ctx: UrlContext): string {
  return redirectTarget(ctx) ?? ctx.options.afterSignUpUrl ?? ctx.options.afterSignInUrl ?? '/';
}

/** After signing out of every account. */
export function afterSignOutUrl(ctx: UrlContext): string {
  return ctx.options.afterSignOutUrl ?? '/';
}

/** After signing out of the active account while others remain: the chooser, unless configured. */
export function afterSignOutOfOneUrl(ctx: UrlContext): string {
  return (
    ctx.options.afterMultiSessionSingleSignOutUrl ?? chooseUrl(accountPages(ctx).signInUrl, ctx.location ?? undefined)
  );
}
