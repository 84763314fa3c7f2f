/** The query parameter that carries where to go after an account page. */
export const REDIRECT_URL_PARAM = 'redirect_url';

export interface AccountPageUrls {
  signInUrl: string;
  signUpUrl: string;
  userProfileUrl: string;
}

/** The auth server's "forgot password" page, which has no app-side counterpart. */
export const FORGOT_PASSWORD_PATH = '/forgot-password';

/** The auth server's hosted pages, used when the app does not give its own. */
export function hostedPageUrls(authServerUrl: string): AccountPageUrls {
  return {
    signInUrl: `${authServerUrl}/sign-in`,
    signUpUrl: `${authServerUrl}/sign-up`,
    userProfileUrl: `${authServerUrl}/user`,
  };
}

/**
 * Adds `redirect_url` to an account page URL. Relative page URLs (`/sign-in`) stay relative.
 *
 * @example withRedirectUrl('/sign-in', 'https://app.example.com/settings') // '/sign-in?redirect_url=https%3A%2F%2Fapp…'
 */
export function withRedirectUrl(pageUrl: string, redirectUrl?: string | URL | null): string {
  if (!redirectUrl) return pageUrl;
  const url = new URL(pageUrl, 'http://relative.invalid');
  url.searchParams.set(REDIRECT_URL_PARAM, String(redirectUrl));
  return isRelative(pageUrl) ? url.pathname + url.search + url.hash : url.href;
}

/**
 * Marks a sign-in URL as "add another account": with live sessions, the sign-in page otherwise opens
 * the account chooser.
 */
export const ADD_ACCOUNT_PARAM = 'add_account';

/** `pageUrl` (a sign-in page URL) marked as "add another account". */
export function addAccountUrl(pageUrl: string): string {
  const url = new URL(pageUrl, 'http://relative.invalid');
  url.searchParams.set(ADD_ACCOUNT_PARAM, '1');
  return isRelative(pageUrl) ? url.pathname + url.search + url.hash : url.href;
}

/** Whether the page at `url` was asked for as "add another account". */
export function isAddingAccount(url: string | URL): boolean {
  return new URL(url, 'http://relative.invalid').searchParams.has(ADD_ACCOUNT_PARAM);
}

/** The account chooser lives under the sign-in page: `<signInUrl>/choose`. */
export function chooseUrl(signInUrl: string, redirectUrl?: string | URL | null): string {
  const url = new URL(signInUrl, 'http://relative.invalid');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/choose`;
  const path = isRelative(signInUrl) ? url.pathname + url.search : url.href;
  return withRedirectUrl(path, redirectUrl);
}

function isRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}
