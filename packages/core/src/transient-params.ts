/** Carries the signed handshake payload from the auth server back to the app page. */
export const HANDSHAKE_PARAM = '__orbital_handshake';
/** Carries a single-use sync code back to the satellite page. */
export const SYNC_PARAM = '__orbital_sync';
/**
 * The nonce of a satellite's automatic sync, echoed back with the sync code: the satellite
 * redeems only a code its own browser asked for, and learns it kept no cookie when the nonce
 * cookie it set before leaving did not come back.
 */
export const SYNC_NONCE_PARAM = '__orbital_sync_nonce';
/** Carries the development-browser token between app and auth server (development instances only). */
export const DEV_BROWSER_PARAM = '__orbital_db';

/**
 * Carries the app's one-navigation nonce to the auth server, which signs it into its answer. The
 * app keeps the same nonce in a cookie: an answer it did not ask for in this browser (a link
 * someone sent, with a payload for their own account or a "signed out") is refused.
 */
export const NONCE_PARAM = 'nonce';

/**
 * Query parameters that carry one arrival: spent once read, so never kept in a return URL, the
 * address bar, history or bookmarks. Routers that keep their own copy of the URL drop them too.
 */
export const TRANSIENT_URL_PARAMS: readonly string[] = [
  HANDSHAKE_PARAM,
  SYNC_PARAM,
  SYNC_NONCE_PARAM,
  DEV_BROWSER_PARAM,
];

/** The parameter that nests a return URL (`redirect_url`); its value is cleaned too. */
const NESTED_URL_PARAM = 'redirect_url';

export function hasTransientParams(url: URL): boolean {
  return stripTransientParams(url).href !== url.href;
}

/**
 * `input` without the {@link TRANSIENT_URL_PARAMS}, also inside nested `redirect_url`s (a sign-in
 * link back to a page that had just received a handshake would otherwise keep its payload, a
 * live session token, in the address bar and history). Relative URLs stay relative.
 */
export function stripTransientParams(input: string | URL, depth = 0): URL {
  const url = new URL(input);
  for (const name of TRANSIENT_URL_PARAMS) url.searchParams.delete(name);
  const nested = url.searchParams.get(NESTED_URL_PARAM);
  if (nested && depth < 4) url.searchParams.set(NESTED_URL_PARAM, stripNested(nested, url, depth + 1));
  return url;
}

function stripNested(value: string, base: URL, depth: number): string {
  if (!URL.canParse(value, base)) return value;
  const absolute = URL.canParse(value);
  const cleaned = stripTransientParams(new URL(value, base), depth);
  return absolute ? cleaned.href : cleaned.pathname + cleaned.search + cleaned.hash;
}
