import { parsePublishableKey } from './api-keys';
import { isLoopbackHost } from './development-instance';
import type { OrbitalOptions } from './options';

const PAGES =
  'a catch-all route: app/sign-in/[[...rest]]/page.tsx in Next.js, app/pages/sign-in/[...slug].vue in Nuxt, src/routes/sign-in/$.tsx in TanStack Start';

/**
 * Development only: the first time someone is sent to the app's own sign-in page, the app's
 * server asks for it (and for `<page>/choose`, the account chooser, which needs the page to be a
 * catch-all) and warns in the terminal when either answers 404, instead of users meeting a "not
 * found" page. Production and the hosted pages are never probed.
 */
export function createSignInPageCheck(
  options: Pick<OrbitalOptions, 'publishableKey' | 'signInUrl' | 'isSatellite' | 'authorizedParties'>,
  log: (message: string) => void,
  fetcher: typeof fetch = fetch,
): (origin: string) => Promise<void> {
  const path = options.signInUrl;
  let checked =
    parsePublishableKey(options.publishableKey).mode !== 'development' ||
    options.isSatellite === true ||
    !path?.startsWith('/');
  return async (origin) => {
    // The origin comes from the request: probe only this machine or a configured origin, never a
    // host someone wrote into a header.
    const url = new URL(origin);
    const trusted = isLoopbackHost(url.hostname) || (options.authorizedParties ?? []).includes(url.origin);
    if (checked || !trusted) return;
    checked = true;
    const answers = async (url: string) => {
      try {
        return (
          await fetcher(url, {
            headers: { accept: 'text/html' },
            redirect: 'manual',
            signal: AbortSignal.timeout(10_000),
          })
        ).status;
      } catch {
        return undefined; // the app is still starting, or slow: no warning rather than a wrong one
      }
    };
    const page = new URL(path!, origin).href;
    if ((await answers(page)) === 404) {
      return log(
        `signInUrl (ORBITAL_SIGN_IN_URL) is ${path}, but ${page} answers 404: users sent to sign in find no page. Create it (${PAGES}) with <SignIn />, or remove the setting to use the auth server's hosted pages.`,
      );
    }
    const chooser = new URL(`${path!.replace(/\/+$/, '')}/choose`, origin).href;
    if ((await answers(chooser)) === 404) {
      log(
        `${chooser} answers 404: the sign-in page must be a catch-all route (${PAGES}), or signing out of one of several accounts lands on a "not found" page.`,
      );
    }
  };
}
