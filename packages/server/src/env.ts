import { ConfigurationError, type InstanceMode } from '@orbital/core';
import type { OrbitalServerOptions } from './options';

type Env = Record<string, string | undefined>;

/**
 * Auth-server settings from env vars — the CLI's and any app's that hosts the server — so one
 * deployment is configured the same way wherever the server runs:
 * `ORBITAL_MODE`, `ORBITAL_SECRET_KEY`, `ORBITAL_ALLOWED_REDIRECT_ORIGINS` (comma-separated),
 * `ORBITAL_TOKEN_TTL`, `ORBITAL_INACTIVITY_TIMEOUT` / `ORBITAL_MAXIMUM_LIFETIME` (seconds or `off`),
 * `ORBITAL_RATE_LIMIT_PER_MINUTE`, `ORBITAL_SIGNING_ALGORITHM`, `ORBITAL_TRUST_PROXY`.
 * The URL and the store are the caller's: they say where and how the server runs.
 */
export function serverOptionsFromEnv(env: Env): Partial<OrbitalServerOptions> {
  const mode = env.ORBITAL_MODE;
  if (mode !== undefined && mode !== 'development' && mode !== 'production') {
    throw new ConfigurationError(
      'configuration_invalid',
      `ORBITAL_MODE must be development or production, got "${mode}".`,
    );
  }
  const minScore = env.ORBITAL_PASSWORD_MIN_SCORE;
  if (minScore !== undefined && !/^([0-4]|off)$/.test(minScore)) {
    throw new ConfigurationError(
      'configuration_invalid',
      `ORBITAL_PASSWORD_MIN_SCORE must be 0 to 4 (zxcvbn's score) or off, got "${minScore}".`,
    );
  }
  const algorithm = env.ORBITAL_SIGNING_ALGORITHM;
  if (algorithm !== undefined && algorithm !== 'ES256' && algorithm !== 'RS256') {
    throw new ConfigurationError(
      'configuration_invalid',
      `ORBITAL_SIGNING_ALGORITHM must be ES256 or RS256, got "${algorithm}".`,
    );
  }
  const origins = (env.ORBITAL_ALLOWED_REDIRECT_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const tokenTtl = seconds(env, 'ORBITAL_TOKEN_TTL');
  const perMinute = seconds(env, 'ORBITAL_RATE_LIMIT_PER_MINUTE');
  const inactivityTimeout = seconds(env, 'ORBITAL_INACTIVITY_TIMEOUT', true);
  const maximumLifetime = seconds(env, 'ORBITAL_MAXIMUM_LIFETIME', true);
  const perMinuteRule = typeof perMinute === 'number' ? { limit: perMinute, window: 60 } : undefined;
  return {
    ...(mode && { mode: mode as InstanceMode }),
    ...(env.ORBITAL_SECRET_KEY && { secretKey: env.ORBITAL_SECRET_KEY }),
    ...(origins.length && { allowedRedirectOrigins: origins }),
    ...(typeof tokenTtl === 'number' && { tokenTtl }),
    ...((inactivityTimeout !== undefined || maximumLifetime !== undefined) && {
      lifetime: { inactivityTimeout, maximumLifetime },
    }),
    ...(perMinuteRule && {
      rateLimits: {
        signInPerIp: perMinuteRule,
        signInPerIdentifierAndIp: perMinuteRule,
        signInPerIdentifier: perMinuteRule,
        signUpPerIp: perMinuteRule,
      },
    }),
    ...(algorithm && { signingAlgorithm: algorithm }),
    ...(env.ORBITAL_KEY_ENCRYPTION_KEY && { keyEncryptionKey: env.ORBITAL_KEY_ENCRYPTION_KEY }),
    ...(minScore && {
      passwordPolicy: minScore === 'off' ? false : { minScore: Number(minScore) as 0 | 1 | 2 | 3 | 4 },
    }),
    ...(env.ORBITAL_TRUST_PROXY && {
      trustProxy: env.ORBITAL_TRUST_PROXY === 'true' || env.ORBITAL_TRUST_PROXY === '1',
    }),
  };
}

function seconds(env: Env, name: string, canBeOff = false): number | false | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (canBeOff && (value === 'off' || value === 'false')) return false;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new ConfigurationError(
      'configuration_invalid',
      `${name} must be a number of seconds${canBeOff ? ' or "off"' : ''}, got "${value}".`,
    );
  return n;
}
