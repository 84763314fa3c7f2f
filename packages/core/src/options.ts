import { developmentPublishableKey } from './development-instance';
import { ConfigurationError } from './errors';
import { flag, invalid, list, proxyHops, seconds, text, type EnvReader as Reader } from './env-readers';
import type { ReplayGuard } from './handshake';
import { parsePublishableKey, parseSecretKey } from './api-keys';
import type { AllowedRedirectOrigin } from './redirect-url';
import type { RevokedSessions } from './revoked-sessions';

/**
 * The one options type every Orbital package takes. Adapters fill it from their framework's
 * configuration and env vars ({@link optionsFromEnv}); they add no options of their own.
 */
export interface OrbitalOptions {
  /** `pk_test_…` / `pk_live_…`: names the auth server and the mode. */
  publishableKey: string;
  /** Server-to-server calls; never sent to the browser. */
  secretKey?: string | undefined;
  /** The auth server's public key(s) for networkless verification (PEM or JWKS JSON). */
  jwtKey?: string | undefined;
  /** Sign-in page; defaults to the auth server's hosted page. */
  signInUrl?: string | undefined;
  signUpUrl?: string | undefined;
  userProfileUrl?: string | undefined;
  /** Where to go after signing in or up when no `redirect_url` says otherwise (default `/`). */
  afterSignInUrl?: string | undefined;
  afterSignUpUrl?: string | undefined;
  /** Where to go after signing out of every account (default `/`). */
  afterSignOutUrl?: string | undefined;
  /** Where to go after signing out of the active account while others remain (default `<signInUrl>/choose`). */
  afterMultiSessionSingleSignOutUrl?: string | undefined;
  /** Origins besides the app's own that redirect targets may point at. */
  allowedRedirectOrigins?: AllowedRedirectOrigin[] | undefined;
  /**
   * The origins this app is served on (`https://app.example.com`): tokens are accepted only when
   * minted for one of them (`azp`), and redirects and handshakes name the first one when a request
   * arrives under another host. Development defaults to the request's own origin; production to
   * the auth server's origin (an app that hosts its own auth server).
   */
  authorizedParties?: string[] | undefined;
  /**
   * Honour `X-Forwarded-Host` / `X-Forwarded-Proto` from the proxy in front of this app: `true`
   * for one proxy (Vercel, Netlify, nginx, an ingress), or the number of proxies in the chain.
   * Off by default: without it anyone can send those headers.
   */
  trustProxy?: boolean | number | undefined;
  /** This app is a satellite of a primary domain. */
  isSatellite?: boolean | undefined;
  /** A path on this app that forwards to the auth server (first-party on satellites). */
  proxyUrl?: string | undefined;
  /** Satellites: sync with the primary on first load (default false). */
  satelliteAutoSync?: boolean | undefined;
  /**
   * Share this app's Orbital cookies with its subdomains (the cookie `Domain`), e.g. a satellite
   * that reaches the auth server through a hostname of its own (`auth.satellite.com`).
   */
  cookieDomain?: string | undefined;
  /**
   * Where this app's server reaches the auth server directly (`http://10.0.0.5:4000/api/auth`), for
   * the satellite proxy, sync-code redemption and the JWKS; defaults to the publishable key's URL.
   */
  authServerInternalUrl?: string | undefined;
  /** Seconds of clock disagreement tolerated with the auth server (default 5). */
  clockSkew?: number | undefined;
  /**
   * Sessions ended on the auth server, refused at once rather than when their last token expires
   * (off by default): `subscribeToRevokedSessions(…).revokedSessions` from `@orbital/server/redis`.
   */
  revokedSessions?: RevokedSessions | undefined;
  /**
   * Where app servers remember handshake payloads already applied. In-process by default; with
   * several instances behind one URL pass a shared one (`createRedisReplayGuard` from
   * `@orbital/server/redis`) so that a payload works on exactly one of them.
   */
  replayGuard?: ReplayGuard | undefined;
}

/**
 * Every option that env vars (and Nuxt's runtime config) can set: its name after `ORBITAL_`,
 * whether a browser may know it, and how to read it. Adapters derive their configuration from
 * this one list.
 */
export const ENV_OPTIONS = {
  publishableKey: { env: 'PUBLISHABLE_KEY', browser: true, read: text },
  secretKey: { env: 'SECRET_KEY', browser: false, read: text },
  jwtKey: { env: 'JWT_KEY', browser: false, read: text },
  signInUrl: { env: 'SIGN_IN_URL', browser: true, read: text },
  signUpUrl: { env: 'SIGN_UP_URL', browser: true, read: text },
  userProfileUrl: { env: 'USER_PROFILE_URL', browser: true, read: text },
  afterSignInUrl: { env: 'AFTER_SIGN_IN_URL', browser: true, read: text },
  afterSignUpUrl: { env: 'AFTER_SIGN_UP_URL', browser: true, read: text },
  afterSignOutUrl: { env: 'AFTER_SIGN_OUT_URL', browser: true, read: text },
  afterMultiSessionSingleSignOutUrl: { env: 'AFTER_MULTI_SESSION_SINGLE_SIGN_OUT_URL', browser: true, read: text },
  allowedRedirectOrigins: { env: 'ALLOWED_REDIRECT_ORIGINS', browser: true, read: list },
  authorizedParties: { env: 'AUTHORIZED_PARTIES', browser: false, read: list },
  isSatellite: { env: 'IS_SATELLITE', browser: true, read: flag },
  proxyUrl: { env: 'PROXY_URL', browser: true, read: text },
  satelliteAutoSync: { env: 'SATELLITE_AUTO_SYNC', browser: true, read: flag },
  cookieDomain: { env: 'COOKIE_DOMAIN', browser: true, read: text },
  authServerInternalUrl: { env: 'AUTH_SERVER_INTERNAL_URL', browser: false, read: text },
  clockSkew: { env: 'CLOCK_SKEW', browser: false, read: seconds },
  trustProxy: { env: 'TRUST_PROXY', browser: false, read: proxyHops },
} as const satisfies {
  [K in keyof OrbitalOptions]?: { env: string; browser: boolean; read: Reader<NonNullable<OrbitalOptions[K]>> };
};

/**
 * The prefix each framework's browser bundle sees env vars under: the adapters read options with
 * it, and `orbital-server env` prints lines with it.
 */
export const PUBLIC_ENV_PREFIX = {
  nextjs: 'NEXT_PUBLIC_',
  nuxt: 'NUXT_PUBLIC_',
  'tanstack-start': 'VITE_',
  vue: 'VITE_',
} as const;

type EnvOption = keyof typeof ENV_OPTIONS;
type BrowserOption = { [K in EnvOption]: (typeof ENV_OPTIONS)[K]['browser'] extends true ? K : never }[EnvOption];

/**
 * Reads Orbital options from env vars. Public ones carry the framework's prefix
 * (`NEXT_PUBLIC_`, `NUXT_PUBLIC_`, `VITE_`); secrets never do.
 *
 * @example optionsFromEnv(process.env, 'NEXT_PUBLIC_') // NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY, ORBITAL_SECRET_KEY, …
 */
export function optionsFromEnv(env: Record<string, string | undefined>, publicPrefix: string): Partial<OrbitalOptions> {
  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(ENV_OPTIONS)) {
    const names = option.browser
      ? [`${publicPrefix}ORBITAL_${option.env}`, `ORBITAL_${option.env}`]
      : [`ORBITAL_${option.env}`];
    const name = names.find((n) => env[n]);
    if (name) options[key] = option.read(env[name]!, name);
  }
  return options as Partial<OrbitalOptions>;
}

const isBrowserOption = (key: string) => key in ENV_OPTIONS && ENV_OPTIONS[key as EnvOption].browser;

/** What of the options a browser may know: everything but keys and server-to-server settings. */
export type PublicOrbitalOptions = Pick<OrbitalOptions, BrowserOption>;

/** The options a browser may know (by {@link ENV_OPTIONS}), for handing to the browser client. */
export function publicOptions(options: OrbitalOptions): PublicOrbitalOptions {
  return Object.fromEntries(Object.entries(options).filter(([key]) => isBrowserOption(key))) as PublicOrbitalOptions;
}

/**
 * Explicit options over env vars, checked: the adapters' one way to configure Orbital. Errors
 * name the env var to set. With no publishable key, development uses the auth server the app
 * hosts ({@link developmentPublishableKey}).
 *
 * @example resolveOptions(process.env, 'VITE_', { afterSignOutUrl: '/' })
 */
export function resolveOptions(
  env: Record<string, string | undefined>,
  publicPrefix: string,
  overrides: Partial<OrbitalOptions> = {},
): OrbitalOptions {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const options = { ...optionsFromEnv(env, publicPrefix), ...given };
  const name = `${publicPrefix}ORBITAL_PUBLISHABLE_KEY`;
  options.publishableKey ??= developmentPublishableKey(env, options.authorizedParties);
  if (!options.publishableKey) {
    throw new ConfigurationError(
      'publishable_key_missing',
      `Orbital needs a publishable key: set ${name} (or pass publishableKey). \`npx orbital-server env\` in the app's folder prints the lines to paste; in development (NODE_ENV=development) an app that hosts the auth server at /api/auth needs none.`,
    );
  }
  const { mode } = parsePublishableKey(options.publishableKey, name);
  validateOptions(options as OrbitalOptions, (key) =>
    key in ENV_OPTIONS
      ? `${ENV_OPTIONS[key as EnvOption].browser ? publicPrefix : ''}ORBITAL_${ENV_OPTIONS[key as EnvOption].env}`
      : key,
  );
  if (options.secretKey) parseSecretKey(options.secretKey, mode, 'ORBITAL_SECRET_KEY');
  return options as OrbitalOptions;
}

/**
 * Checks what no request can fix later: numbers that are numbers, URLs that parse, origins that
 * are origins. A malformed value is a start-up error naming where it came from, never a check
 * silently switched off. `source` names an option (`clockSkew`, or the env var it was read from).
 */
export function validateOptions(
  options: OrbitalOptions,
  source: (key: keyof OrbitalOptions) => string = (key) => key,
): void {
  const { clockSkew, trustProxy } = options;
  if (clockSkew !== undefined && !(Number.isFinite(clockSkew) && clockSkew >= 0 && clockSkew <= 3600)) {
    throw invalid(source('clockSkew'), String(clockSkew), 'a number of seconds from 0 to 3600');
  }
  if (
    trustProxy !== undefined &&
    typeof trustProxy !== 'boolean' &&
    !(Number.isInteger(trustProxy) && trustProxy >= 0 && trustProxy <= 10)
  ) {
    throw invalid(source('trustProxy'), String(trustProxy), 'true, false or a number of proxies');
  }
  for (const key of [
    'signInUrl',
    'signUpUrl',
    'userProfileUrl',
    'afterSignInUrl',
    'afterSignUpUrl',
    'afterSignOutUrl',
    'afterMultiSessionSingleSignOutUrl',
    'proxyUrl',
  ] as const) {
    const value = options[key];
    if (value !== undefined && !isPathOrHttpUrl(value))
      throw invalid(source(key), value, 'a path (/sign-in) or an http(s) URL');
  }
  const internal = options.authServerInternalUrl;
  if (internal !== undefined && !isHttpUrl(internal))
    throw invalid(source('authServerInternalUrl'), internal, 'an http(s) URL');
  for (const party of options.authorizedParties ?? []) {
    if (!isHttpUrl(party) || new URL(party).origin !== party.replace(/\/+$/, ''))
      throw invalid(source('authorizedParties'), party, 'an origin such as https://app.example.com');
  }
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function isPathOrHttpUrl(value: string): boolean {
  return (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) || isHttpUrl(value);
}
