import { ConfigurationError } from './errors';
import { parsePublishableKey } from './keys';
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
  /** Origins whose session tokens app servers accept (`azp`). */
  authorizedParties?: string[] | undefined;
  /** This app is a satellite of a primary domain. */
  isSatellite?: boolean | undefined;
  /** The satellite's own domain. */
  domain?: string | undefined;
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
}

const flag = (value: string | undefined) => (value === undefined ? undefined : value === 'true' || value === '1');
const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * Reads Orbital options from env vars. Public ones carry the framework's prefix
 * (`NEXT_PUBLIC_`, `NUXT_PUBLIC_`, `VITE_`); secrets never do.
 *
 * @example optionsFromEnv(process.env, 'NEXT_PUBLIC_') // NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY, ORBITAL_SECRET_KEY, …
 */
export function optionsFromEnv(env: Record<string, string | undefined>, publicPrefix: string): Partial<OrbitalOptions> {
  const pub = (name: string) => env[`${publicPrefix}ORBITAL_${name}`] || env[`ORBITAL_${name}`] || undefined;
  const secret = (name: string) => env[`ORBITAL_${name}`] || undefined;
  const options: Partial<OrbitalOptions> = {
    publishableKey: pub('PUBLISHABLE_KEY'),
    secretKey: secret('SECRET_KEY'),
    jwtKey: secret('JWT_KEY'),
    signInUrl: pub('SIGN_IN_URL'),
    signUpUrl: pub('SIGN_UP_URL'),
    userProfileUrl: pub('USER_PROFILE_URL'),
    afterSignInUrl: pub('AFTER_SIGN_IN_URL'),
    afterSignUpUrl: pub('AFTER_SIGN_UP_URL'),
    afterSignOutUrl: pub('AFTER_SIGN_OUT_URL'),
    afterMultiSessionSingleSignOutUrl: pub('AFTER_MULTI_SESSION_SINGLE_SIGN_OUT_URL'),
    allowedRedirectOrigins: list(pub('ALLOWED_REDIRECT_ORIGINS')),
    authorizedParties: list(secret('AUTHORIZED_PARTIES')),
    isSatellite: flag(pub('IS_SATELLITE')),
    domain: pub('DOMAIN'),
    proxyUrl: pub('PROXY_URL'),
    satelliteAutoSync: flag(pub('SATELLITE_AUTO_SYNC')),
    cookieDomain: pub('COOKIE_DOMAIN'),
    authServerInternalUrl: secret('AUTH_SERVER_INTERNAL_URL'),
    clockSkew: number(secret('CLOCK_SKEW')),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<OrbitalOptions>;
}

/** What of the options a browser may know: everything but keys and server-to-server settings. */
export type PublicOrbitalOptions = Omit<OrbitalOptions, 'secretKey' | 'jwtKey' | 'authorizedParties' | 'clockSkew' | 'authServerInternalUrl' | 'revokedSessions'>;

/** The options without what must stay on the server, for handing to the browser client. */
export function publicOptions(options: OrbitalOptions): PublicOrbitalOptions {
  const { secretKey: _secret, jwtKey: _jwt, authorizedParties: _parties, clockSkew: _skew, authServerInternalUrl: _internal, revokedSessions: _revoked, ...rest } = options;
  return rest;
}

/**
 * Explicit options over env vars, checked: the adapters' one way to configure Orbital. Errors
 * name the env var to set.
 *
 * @example resolveOptions(process.env, 'VITE_', { afterSignOutUrl: '/' })
 */
export function resolveOptions(env: Record<string, string | undefined>, publicPrefix: string, overrides: Partial<OrbitalOptions> = {}): OrbitalOptions {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const options = { ...optionsFromEnv(env, publicPrefix), ...given };
  const name = `${publicPrefix}ORBITAL_PUBLISHABLE_KEY`;
  if (!options.publishableKey) {
    throw new ConfigurationError('publishable_key_missing', `Orbital needs a publishable key: set ${name} (or pass publishableKey).`);
  }
  parsePublishableKey(options.publishableKey, name);
  return options as OrbitalOptions;
}
