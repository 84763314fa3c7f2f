import { envReaders, type EnvReaderTable } from '@orbital/core';
import type { OrbitalServerOptions } from '../options';

type Env = Record<string, string | undefined>;
const { flag, list, oneOf, seconds, secondsOrOff, text } = envReaders;

/**
 * Every auth-server setting an env var can set, with core's readers (the apps' options use the
 * same ones): what a list, a flag or a number of seconds is, and the error naming a bad variable.
 */
export const SERVER_ENV = {
  mode: { env: 'ORBITAL_MODE', read: oneOf('development', 'production') },
  secretKey: { env: 'ORBITAL_SECRET_KEY', read: text },
  trustedOrigins: { env: 'ORBITAL_TRUSTED_ORIGINS', read: list },
  tokenTtl: { env: 'ORBITAL_TOKEN_TTL', read: seconds },
  inactivityTimeout: { env: 'ORBITAL_INACTIVITY_TIMEOUT', read: secondsOrOff },
  maximumLifetime: { env: 'ORBITAL_MAXIMUM_LIFETIME', read: secondsOrOff },
  rateLimitPerMinute: { env: 'ORBITAL_RATE_LIMIT_PER_MINUTE', read: seconds },
  signingAlgorithm: { env: 'ORBITAL_SIGNING_ALGORITHM', read: oneOf('ES256', 'RS256') },
  keyEncryptionKey: { env: 'ORBITAL_KEY_ENCRYPTION_KEY', read: text },
  passwordMinScore: { env: 'ORBITAL_PASSWORD_MIN_SCORE', read: oneOf('0', '1', '2', '3', '4', 'off') },
  trustProxy: { env: 'ORBITAL_TRUST_PROXY', read: flag },
  smtpUrl: { env: 'ORBITAL_SMTP_URL', read: text },
  emailFrom: { env: 'ORBITAL_EMAIL_FROM', read: text },
  requireEmailVerification: { env: 'ORBITAL_REQUIRE_EMAIL_VERIFICATION', read: flag },
  verificationTtl: { env: 'ORBITAL_VERIFICATION_TTL', read: seconds },
} satisfies EnvReaderTable;

/**
 * Auth-server settings from env vars — the CLI's and any app's that hosts the server — so one
 * deployment is configured the same way wherever the server runs (see {@link SERVER_ENV}). The URL
 * and the store are the caller's: they say where and how the server runs.
 */
export function serverOptionsFromEnv(env: Env): Partial<OrbitalServerOptions> {
  const read = envReaders.readTable(SERVER_ENV, env);
  const perMinute = read.rateLimitPerMinute === undefined ? undefined : { limit: read.rateLimitPerMinute, window: 60 };
  const lifetime = read.inactivityTimeout !== undefined || read.maximumLifetime !== undefined;
  return {
    ...(read.mode && { mode: read.mode }),
    ...(read.secretKey && { secretKey: read.secretKey }),
    ...(read.trustedOrigins?.length && { trustedOrigins: read.trustedOrigins }),
    ...(read.tokenTtl !== undefined && { tokenTtl: read.tokenTtl }),
    ...(lifetime && { lifetime: { inactivityTimeout: read.inactivityTimeout, maximumLifetime: read.maximumLifetime } }),
    ...(perMinute && {
      rateLimits: {
        signInPerIp: perMinute,
        signInPerIdentifierAndIp: perMinute,
        signInPerIdentifier: perMinute,
        signUpPerIp: perMinute,
      },
    }),
    ...(read.signingAlgorithm && { signingAlgorithm: read.signingAlgorithm }),
    ...(read.keyEncryptionKey && { keyEncryptionKey: read.keyEncryptionKey }),
    ...(read.passwordMinScore && {
      passwordPolicy:
        read.passwordMinScore === 'off' ? false : { minScore: Number(read.passwordMinScore) as 0 | 1 | 2 | 3 | 4 },
    }),
    ...(read.trustProxy !== undefined && { trustProxy: read.trustProxy }),
    ...((read.smtpUrl || read.emailFrom) && {
      email: { ...(read.smtpUrl && { smtpUrl: read.smtpUrl }), ...(read.emailFrom && { from: read.emailFrom }) },
    }),
    ...(read.requireEmailVerification !== undefined && { requireEmailVerification: read.requireEmailVerification }),
    ...(read.verificationTtl !== undefined && { verificationTtl: read.verificationTtl }),
  };
}
