import { describe, expect, it } from 'vitest';
import { serverOptionsFromEnv } from './env';

describe('serverOptionsFromEnv', () => {
  it('reads what a deployment sets, and nothing it does not', () => {
    expect(serverOptionsFromEnv({})).toEqual({});
    expect(
      serverOptionsFromEnv({
        ORBITAL_MODE: 'production',
        ORBITAL_SECRET_KEY: 'sk_live_x',
        ORBITAL_TRUSTED_ORIGINS: 'https://a.example, https://b.example',
        ORBITAL_TOKEN_TTL: '30',
        ORBITAL_INACTIVITY_TIMEOUT: 'off',
        ORBITAL_RATE_LIMIT_PER_MINUTE: '100',
        ORBITAL_SIGNING_ALGORITHM: 'RS256',
      }),
    ).toEqual({
      mode: 'production',
      secretKey: 'sk_live_x',
      trustedOrigins: ['https://a.example', 'https://b.example'],
      tokenTtl: 30,
      lifetime: { inactivityTimeout: false, maximumLifetime: undefined },
      rateLimits: {
        signInPerIp: { limit: 100, window: 60 },
        signInPerIdentifierAndIp: { limit: 100, window: 60 },
        signInPerIdentifier: { limit: 100, window: 60 },
        signUpPerIp: { limit: 100, window: 60 },
      },
      signingAlgorithm: 'RS256',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => serverOptionsFromEnv({ ORBITAL_TOKEN_TTL: 'soon' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid', message: expect.stringContaining('ORBITAL_TOKEN_TTL') }),
    );
    expect(() => serverOptionsFromEnv({ ORBITAL_MODE: 'staging' })).toThrow(/ORBITAL_MODE/);
    expect(() => serverOptionsFromEnv({ ORBITAL_SIGNING_ALGORITHM: 'none' })).toThrow(/ORBITAL_SIGNING_ALGORITHM/);
    // Read as a flag, not "anything but true is false": a typo is an error, not a silent setting.
    expect(() => serverOptionsFromEnv({ ORBITAL_TRUST_PROXY: 'yes please' })).toThrow(/ORBITAL_TRUST_PROXY/);
    expect(() => serverOptionsFromEnv({ ORBITAL_INACTIVITY_TIMEOUT: '-5' })).toThrow(/ORBITAL_INACTIVITY_TIMEOUT/);
  });
});
