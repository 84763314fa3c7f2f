import { ConfigurationError, RedirectUrlError } from './errors';

/** An origin (`https://app.example.com`) or a pattern tested against a candidate's origin. */
export type AllowedRedirectOrigin = string | RegExp;

export interface RedirectTargetOptions {
  /** Where relative targets resolve, and the one origin that is always allowed. */
  base: string | URL;
  /** Further origins a redirect may go to: satellites, the app, `allowedRedirectOrigins`. */
  allowedOrigins?: readonly AllowedRedirectOrigin[] | undefined;
}

const MAX_LENGTH = 4096;
// Whitespace and control characters are dropped silently by URL parsers (`java\tscript:`), so any
// of them anywhere means the string is not what it looks like.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * The one redirect-target validator: returns the absolute URL a redirect may go to, or throws a
 * {@link RedirectUrlError}. Accepts path-absolute targets (`/dashboard?tab=1`) and absolute http(s)
 * URLs whose origin is the base's or an allowed one.
 *
 * @example validateRedirectUrl('/account', { base: 'https://app.example.com' }).href
 */
export function validateRedirectUrl(input: unknown, options: RedirectTargetOptions): URL {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_LENGTH) {
    throw invalid('must be a non-empty string of at most 4096 characters');
  }
  if (!isPlainText(input)) throw invalid('contains whitespace, control characters or backslashes');

  // Anything downstream that decodes the target once more must still see the same kind of target.
  let decoded = input;
  for (let i = 0; i < 3; i++) {
    const next = safeDecode(decoded);
    if (next === null) throw invalid('is not valid percent-encoding');
    if (next === decoded) break;
    decoded = next;
    if (/^(\/\/|\/\\|\\)/.test(decoded) || CONTROL.test(decoded) || hasScheme(decoded) !== hasScheme(input)) {
      throw invalid('hides a different target behind percent-encoding');
    }
  }

  const base = new URL(options.base);
  const isAbsolute = /^https?:\/\//i.test(input);
  if (!isAbsolute) {
    if (hasScheme(input)) throw invalid('uses a scheme other than http or https');
    if (!input.startsWith('/') || input.startsWith('//'))
      throw invalid('must be an absolute http(s) URL or a path starting with a single "/"');
  }

  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw invalid('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('uses a scheme other than http or https');
  if (url.username || url.password) throw invalid('carries credentials (user:password@)');
  if (!isAllowedOrigin(url.origin, base.origin, options.allowedOrigins)) {
    throw new RedirectUrlError(
      'redirect_origin_not_allowed',
      `Redirect target origin ${url.origin} is not allowed. Add it to allowedRedirectOrigins (app) or trustedOrigins (auth server) if it is yours.`,
    );
  }
  return url;
}

/** Same as {@link validateRedirectUrl} but answers with `null` instead of throwing. */
export function safeRedirectUrl(input: unknown, options: RedirectTargetOptions): URL | null {
  try {
    return validateRedirectUrl(input, options);
  } catch {
    return null;
  }
}

/**
 * Whether `origin` may receive redirects and credentialed calls: the base origin, or one the
 * configuration lists. Both sides are compared after the browser's own normalisation (lower case,
 * IDNA, `。` as a dot, numeric IPv4 forms such as `0x7f.1` as `127.0.0.1`, default ports), so a
 * host spelled another way is the host it reaches. Entries are origins (`https://app.example.com`),
 * subdomain patterns with the scheme and port pinned (`https://*.example.com` admits
 * `https://a.example.com` and `https://a.b.example.com`, never `https://example.com`, another
 * scheme or another port), or RegExps over the normalised origin. Nothing is trusted implicitly.
 */
export function isAllowedOrigin(
  origin: string,
  baseOrigin: string,
  allowed: readonly AllowedRedirectOrigin[] = [],
): boolean {
  const candidate = normalizeOrigin(origin);
  if (!candidate) return false;
  if (candidate === normalizeOrigin(baseOrigin)) return true;
  return allowed.some((entry) => (typeof entry === 'string' ? matchesOrigin(candidate, entry) : entry.test(candidate)));
}

/** `https://*.example.com[:port]`: the pattern's scheme, port and parent domain. */
const SUBDOMAIN_PATTERN = /^(https?:\/\/)\*\.([^/*]+?)\/?$/i;

function matchesOrigin(candidate: string, entry: string): boolean {
  const pattern = SUBDOMAIN_PATTERN.exec(entry.trim());
  if (!pattern) return normalizeOrigin(entry) === candidate;
  const parent = normalizeOrigin(`${pattern[1]}${pattern[2]}`);
  if (!parent) return false;
  const want = new URL(parent);
  const got = new URL(candidate);
  return got.protocol === want.protocol && got.port === want.port && got.hostname.endsWith(`.${want.hostname}`);
}

/**
 * Checks configured origins at start-up: each string must be an http(s) origin or a subdomain
 * pattern (`https://*.example.com`), so a typo is an error naming `source`, not a silent refusal.
 */
export function assertAllowedOrigins(
  entries: readonly AllowedRedirectOrigin[],
  source = 'allowedRedirectOrigins',
): void {
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const pattern = SUBDOMAIN_PATTERN.exec(entry.trim());
    const candidate = pattern ? `${pattern[1]}${pattern[2]}` : entry.trim();
    const url = URL.canParse(candidate) ? new URL(candidate) : null;
    const isOrigin =
      url !== null &&
      !url.hostname.includes('*') &&
      normalizeOrigin(candidate) !== null &&
      url.pathname === '/' &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password;
    if (!isOrigin) {
      throw new ConfigurationError(
        'configuration_invalid',
        `${source} has "${entry}", which is neither an origin (https://app.example.com) nor a subdomain pattern (https://*.example.com).`,
      );
    }
  }
}

/** `https://App.example.com/` -> `https://app.example.com`; null when it is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

function hasScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value);
}

function isPlainText(value: string): boolean {
  return !INVISIBLE.test(value) && !value.includes('\\');
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function invalid(why: string): RedirectUrlError {
  return new RedirectUrlError(
    'redirect_url_invalid',
    `Redirect target ${why}; pass a path like "/dashboard" or a URL on an allowed origin.`,
  );
}
