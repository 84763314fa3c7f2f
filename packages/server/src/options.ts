import {
  ConfigurationError,
  assertAllowedOrigins,
  cookieNames,
  createPublishableKey,
  hostedPageUrls,
  parsePublishableKey,
  parseSecretKey,
  resolveLifetime,
  type AllowedRedirectOrigin,
  type CookieNames,
  type InstanceMode,
  type LifetimeOptions,
  type LifetimePolicy,
} from '@orbital/core';
import { DEFAULT_TOKEN_TTL } from '@orbital/core/server';
import { compileCustomClaims, type CustomClaims } from './domain/custom-claims';
import { parseKeyEncryptionKeys, type KeyEncryptionKey } from './security/key-encryption';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './security/password-policy';
import type { RateLimit } from './security/rate-limit';
import type { SigningAlgorithm } from './security/signing-keys';
import type { SharedState } from './store/shared-state';
import type { Store } from './store/types';
import { createDevMailbox, type DevMailbox } from './email/dev-mailbox';
import { createSmtpTransport } from './email/smtp';
import type { EmailTransport } from './email/transport';

export interface OrbitalServerOptions {
  /** The public URL the auth server answers on, mount path included (`https://example.com/api/auth`). */
  url: string;
  /** `development` (default) relaxes Secure cookies on http; `production` requires https. */
  mode?: InstanceMode;
  /** Authenticates server-to-server calls. Required in production. */
  secretKey?: string;
  store: Store;
  /** Inactivity timeout and maximum lifetime in seconds (both 7 days by default; `false` turns one off). */
  lifetime?: LifetimeOptions;
  /** Session token lifetime in seconds (default 60). */
  tokenTtl?: number;
  /** Several accounts signed in on one browser (default true). */
  multiSession?: boolean;
  /** Without multi-session, what signing in while signed in does: refuse (default) or replace the session. */
  singleSessionMode?: 'error' | 'replace';
  /** Custom session-token claims: a template (`{ role: '{{user.publicMetadata.role}}' }`) or a function. */
  customClaims?: CustomClaims;
  /** Origins (besides the auth server's own) that may receive redirects and call the API with cookies. */
  trustedOrigins?: AllowedRedirectOrigin[];
  /** Answer "email or password is incorrect" instead of naming which one (default true). */
  accountEnumerationProtection?: boolean;
  rateLimits?: Partial<RateLimits>;
  /** How strong a new password must be: zxcvbn's score, 3 of 4 by default; `false` checks only the length. */
  passwordPolicy?: PasswordPolicy;
  /**
   * Encrypts signing keys at rest (AES-256-GCM): 32 random bytes in base64url
   * (`ORBITAL_KEY_ENCRYPTION_KEY`). To rotate, list the new key first and the old one after it;
   * keys are re-encrypted on start, then the old one can go.
   */
  keyEncryptionKey?: string | string[];
  /**
   * Where rate-limit counters live and ended sessions are announced: in-process by default;
   * `createRedisSharedState({ url })` (from `@orbital/server/redis`) when several instances run.
   */
  sharedState?: SharedState;
  /**
   * How session tokens are signed (default ES256). Measured with node:crypto: ES256 signs in ~50 µs
   * and verifies in ~90 µs; RS256 signs in ~250 µs and verifies in ~21 µs. The auth server signs
   * every refresh for the whole fleet; an app server verifies each token once (then caches it), so
   * ES256's dearer verification costs ~70 µs per session per minute per app process while its
   * cheaper signing lets one auth-server instance mint ~25% more tokens — and its tokens (and
   * session cookies) are 256 bytes shorter. Give every instance the same setting; changing it
   * rotates the key (the old one stays published while its tokens live).
   */
  signingAlgorithm?: SigningAlgorithm;
  /**
   * Seconds between writes of a session's `last_active_at` while tokens are minted (default: a
   * tenth of the inactivity timeout, at most 60). A session may end up to this much early; 0
   * writes on every token.
   */
  activityWriteInterval?: number;
  /** Read the client IP from X-Forwarded-For (only behind a proxy you control). */
  trustProxy?: boolean;
  /** Shown on the hosted pages. */
  appName?: string;
  /** The primary's own sign-in and sign-up pages, if not the hosted ones (satellite sync sends users there). */
  signInUrl?: string;
  signUpUrl?: string;
  /**
   * How mail leaves: an SMTP URL (`ORBITAL_SMTP_URL`), or your own `transport` (an email API), and
   * the sender (`ORBITAL_EMAIL_FROM`). A development instance with neither keeps mail in its
   * development mailbox (`/dev/mailbox`) and prints codes in the terminal.
   */
  email?: { smtpUrl?: string; transport?: EmailTransport; from?: string };
  /**
   * Sign-up waits for the code sent to the address: the account exists, and a session starts,
   * once it is entered (default true, in development too).
   */
  requireEmailVerification?: boolean;
  /** Seconds a code or link sent by email works (default 600). */
  verificationTtl?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/**
 * Limits on guessing. Failed password checks count per (account, IP) tightly and per account
 * loosely; the loose limit never applies to an IP that signed in to that account before, so a
 * third party cannot lock an owner out from their own network.
 */
export interface RateLimits {
  /** Sign-in attempts from one IP, for any account (password spraying). */
  signInPerIp: RateLimit;
  /** Failed password checks for one account from one IP. */
  signInPerIdentifierAndIp: RateLimit;
  /** Failed password checks for one account from IPs it never signed in from (a distributed guess). */
  signInPerIdentifier: RateLimit;
  signUpPerIp: RateLimit;
  /** Password-reset requests for one address, and from one IP: each sends a message. */
  passwordResetPerIdentifier: RateLimit;
  passwordResetPerIp: RateLimit;
}

const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: { limit: 30, window: 60 },
  signInPerIdentifierAndIp: { limit: 5, window: 15 * 60 },
  signInPerIdentifier: { limit: 100, window: 60 * 60 },
  signUpPerIp: { limit: 10, window: 10 * 60 },
  passwordResetPerIdentifier: { limit: 5, window: 60 * 60 },
  passwordResetPerIp: { limit: 20, window: 60 * 60 },
};

export interface ResolvedOptions {
  url: string;
  origin: string;
  basePath: string;
  mode: InstanceMode;
  publishableKey: string;
  secretKey: string | undefined;
  names: CookieNames;
  lifetime: LifetimePolicy;
  tokenTtl: number;
  multiSession: boolean;
  singleSessionMode: 'error' | 'replace';
  customClaims: ReturnType<typeof compileCustomClaims>;
  trustedOrigins: AllowedRedirectOrigin[];
  accountEnumerationProtection: boolean;
  rateLimits: RateLimits;
  passwordPolicy: PasswordPolicy;
  keyEncryptionKeys: KeyEncryptionKey[];
  activityWriteInterval: number;
  signingAlgorithm: SigningAlgorithm;
  trustProxy: boolean;
  appName: string;
  pages: ReturnType<typeof hostedPageUrls>;
  email: {
    transport: EmailTransport;
    from: string;
    /** The development mailbox when mail stays on this instance; null when it leaves. */
    mailbox: DevMailbox | null;
  };
  requireEmailVerification: boolean;
  verificationTtl: number;
  /** The server's clock in Unix seconds (the `now` option is milliseconds, as `Date.now`). */
  nowSeconds: () => number;
}

export function resolveServerOptions(options: OrbitalServerOptions): ResolvedOptions {
  const mode = options.mode ?? 'development';
  if (!options.store)
    throw new ConfigurationError(
      'configuration_invalid',
      'createOrbitalServer needs a store: createPgliteStore(dir) for the embedded database, or createPostgresStore({ connectionString }).',
    );
  const publishableKey = createPublishableKey(options.url, mode);
  const { authServerUrl } = parsePublishableKey(publishableKey, 'url');
  if (mode === 'production' && !options.secretKey) {
    throw new ConfigurationError(
      'secret_key_missing',
      'A production auth server needs a secret key: set ORBITAL_SECRET_KEY (or pass secretKey). `npx orbital-server env --mode production --url <public URL>` prints one with the other lines to paste.',
    );
  }
  const secretKey = options.secretKey
    ? parseSecretKey(options.secretKey, mode, 'ORBITAL_SECRET_KEY (secretKey)').key
    : undefined;
  const tokenTtl = options.tokenTtl ?? DEFAULT_TOKEN_TTL;
  if (!Number.isInteger(tokenTtl) || tokenTtl < 5 || tokenTtl > 3600) {
    throw new ConfigurationError(
      'configuration_invalid',
      `tokenTtl must be a whole number of seconds between 5 and 3600, got ${tokenTtl}.`,
    );
  }
  const url = new URL(authServerUrl);
  const clock = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(clock() / 1000);
  const lifetime = resolveLifetime(options.lifetime);
  const appName = options.appName ?? 'Orbital';
  const requireEmailVerification = options.requireEmailVerification ?? true;
  const verificationTtl = options.verificationTtl ?? 600;
  if (!Number.isInteger(verificationTtl) || verificationTtl < 60 || verificationTtl > 24 * 3600)
    throw new ConfigurationError(
      'configuration_invalid',
      `verificationTtl must be a whole number of seconds between 60 and 86400, got ${verificationTtl}.`,
    );
  return {
    url: authServerUrl,
    origin: url.origin,
    basePath: url.pathname === '/' ? '' : url.pathname,
    mode,
    publishableKey,
    secretKey,
    names: cookieNames(publishableKey),
    lifetime,
    tokenTtl,
    multiSession: options.multiSession ?? true,
    singleSessionMode: options.singleSessionMode ?? 'error',
    customClaims: compileCustomClaims(options.customClaims),
    trustedOrigins: checkedOrigins(options.trustedOrigins ?? []),
    accountEnumerationProtection: options.accountEnumerationProtection ?? true,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    passwordPolicy: options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
    keyEncryptionKeys: parseKeyEncryptionKeys(options.keyEncryptionKey),
    signingAlgorithm: options.signingAlgorithm ?? 'ES256',
    activityWriteInterval: options.activityWriteInterval ?? defaultActivityWriteInterval(lifetime.inactivityTimeout),
    trustProxy: options.trustProxy ?? false,
    appName,
    pages: {
      ...hostedPageUrls(authServerUrl),
      ...(options.signInUrl && { signInUrl: options.signInUrl }),
      ...(options.signUpUrl && { signUpUrl: options.signUpUrl }),
    },
    email: resolveEmail(options, { mode, appName, hostname: url.hostname, requireEmailVerification, nowSeconds }),
    requireEmailVerification,
    verificationTtl,
    nowSeconds,
  };
}

/**
 * SMTP or the caller's transport; in development without either, the development mailbox. A
 * production instance that must send codes and cannot is refused at start, not at the first sign-up.
 */
function resolveEmail(
  options: OrbitalServerOptions,
  instance: {
    mode: InstanceMode;
    appName: string;
    hostname: string;
    requireEmailVerification: boolean;
    nowSeconds: () => number;
  },
): ResolvedOptions['email'] {
  const from = options.email?.from ?? `${instance.appName} <no-reply@${instance.hostname}>`;
  const given = options.email?.transport;
  const smtpUrl = options.email?.smtpUrl;
  if (given || smtpUrl) {
    const transport = given ?? createSmtpTransport(smtpUrl!);
    return { transport, from, mailbox: null };
  }
  if (instance.mode === 'production') {
    if (instance.requireEmailVerification)
      throw new ConfigurationError(
        'configuration_invalid',
        'A production auth server sends verification codes by email: set ORBITAL_SMTP_URL (smtp://user:password@host:587) and ORBITAL_EMAIL_FROM, or pass email.transport. To start without email, set requireEmailVerification: false (ORBITAL_REQUIRE_EMAIL_VERIFICATION=false).',
      );
    const transport: EmailTransport = {
      send: () => Promise.reject(new Error('no email transport is configured (ORBITAL_SMTP_URL)')),
    };
    return { transport, from, mailbox: null };
  }
  const mailbox = createDevMailbox({ nowSeconds: instance.nowSeconds });
  return { transport: mailbox, from, mailbox };
}

/** A tenth of the inactivity timeout, at most a minute (one write per minute for the 7-day default). */
function defaultActivityWriteInterval(inactivityTimeout: number | null): number {
  return inactivityTimeout === null ? 60 : Math.min(60, Math.floor(inactivityTimeout / 10));
}

function checkedOrigins(origins: AllowedRedirectOrigin[]): AllowedRedirectOrigin[] {
  assertAllowedOrigins(origins, 'trustedOrigins (ORBITAL_TRUSTED_ORIGINS)');
  return origins;
}
