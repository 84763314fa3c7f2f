// Shared by the tests in this package: real keys, real signatures, a clock you can move.
import { createPublishableKey } from './api-keys';
import { KeySet } from './verification-keys';
import { signJwt, signSessionToken } from './session-token';
import { generateSigningKeyPair, importSigningKey, type SigningKey } from './signature';
import type { JwtPayload } from './jwt';

export const AUTH_URL = 'http://localhost:4000';
export const APP_ORIGIN = 'http://localhost:3000';
export const publishableKey = createPublishableKey(AUTH_URL, 'development');

export async function testKeys(alg: 'RS256' | 'ES256' = 'RS256') {
  const pair = await generateSigningKeyPair(alg);
  const signer: SigningKey = await importSigningKey(pair.privateJwk);
  const jwks = { keys: [pair.publicJwk] };
  return { pair, signer, jwks, jwtKey: JSON.stringify(jwks), keySet: () => new KeySet({ jwks }) };
}

export function clock(start = 1_800_000_000) {
  let seconds = start;
  return {
    now: () => seconds * 1000,
    seconds: () => seconds,
    advance: (by: number) => {
      seconds += by;
    },
  };
}

export function sessionToken(
  signer: SigningKey,
  now: number,
  overrides: Partial<{ ttl: number; azp: string; issuer: string; custom: JwtPayload }> = {},
) {
  return signSessionToken(
    {
      userId: 'user_1',
      sessionId: 'sess_1',
      issuer: overrides.issuer ?? AUTH_URL,
      authorizedParty: overrides.azp ?? APP_ORIGIN,
      now,
      ttl: overrides.ttl,
      customClaims: overrides.custom,
    },
    signer,
  );
}

export { signJwt };
