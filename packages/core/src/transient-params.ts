/** Carries the signed handshake payload from the auth server back to the app page. */
export const HANDSHAKE_PARAM = '__orbital_handshake';
/** Carries a single-use sync code (or `SYNC_SIGNED_OUT`) back to the satellite page. */
export const SYNC_PARAM = '__orbital_sync';
/** Carries the development-browser token between app and auth server (development instances only). */
export const DEV_BROWSER_PARAM = '__orbital_db';

/**
 * Query parameters that carry one arrival: spent once read, so never kept in a return URL, the
 * address bar, history or bookmarks. Routers that keep their own copy of the URL drop them too.
 */
export const TRANSIENT_URL_PARAMS: readonly string[] = [HANDSHAKE_PARAM, SYNC_PARAM, DEV_BROWSER_PARAM];

export function hasTransientParams(url: URL): boolean {
  return TRANSIENT_URL_PARAMS.some((name) => url.searchParams.has(name));
}

/** `input` without the {@link TRANSIENT_URL_PARAMS}. */
export function stripTransientParams(input: string | URL): URL {
  const url = new URL(input);
  for (const name of TRANSIENT_URL_PARAMS) url.searchParams.delete(name);
  return url;
}
