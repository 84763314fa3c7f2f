import { ConfigurationError } from './errors';
import { encodeJwtSegments, type JwtPayload } from './jwt';
import type { SigningKey } from './signature';
import { base64UrlEncode, utf8 } from './base64url';

/** Default session token lifetime: short, so that a sign-out anywhere takes effect quickly. */
export const DEFAULT_TOKEN_TTL = 60;

/** Claims Orbital sets itself; custom claims may not replace them. */
export const RESERVED_CLAIMS: readonly string[] = [
  'sub',
  'sid',
  'iss',
  'azp',
  'iat',
  'nbf',
  'exp',
  'jti',
  'aud',
  'typ',
  'act',
  'v',
  'org_id',
  'org_slug',
  'org_role',
];

/**
 * Browsers drop cookies above 4096 bytes (name, value and attributes together); the longest cookie
 * name and attributes Orbital writes take about 120, so the token itself stays under this.
 */
export const MAX_SESSION_TOKEN_LENGTH = 3_900;

export interface SessionTokenInput {
  userId: string;
  sessionId: string;
  issuer: string;
  /** The origin that asked for the token. */
  authorizedParty?: string | undefined;
  /** Unix seconds. */
  now: number;
  ttl?: number | undefined;
  customClaims?: JwtPayload | undefined;
  /** The organization the session acts for: `org_id`, `org_slug`, `org_role`. */
  organization?: { id: string; slug: string; role: string } | null | undefined;
}

/** Signs any payload as a compact JWS with the given key. */
export async function signJwt(payload: JwtPayload, key: SigningKey): Promise<string> {
  const input = encodeJwtSegments({ alg: key.alg, kid: key.kid, typ: 'JWT' }, payload);
  const signature = await key.sign(utf8(input));
  return `${input}.${base64UrlEncode(signature)}`;
}

/** Mints a session token: reserved claims from Orbital, then the custom ones, then a size check. */
export async function signSessionToken(input: SessionTokenInput, key: SigningKey): Promise<string> {
  assertCustomClaims(input.customClaims);
  const ttl = input.ttl ?? DEFAULT_TOKEN_TTL;
  const token = await signJwt(
    {
      ...input.customClaims,
      sub: input.userId,
      sid: input.sessionId,
      iss: input.issuer,
      ...(input.authorizedParty && { azp: input.authorizedParty }),
      ...(input.organization && {
        org_id: input.organization.id,
        org_slug: input.organization.slug,
        org_role: input.organization.role,
      }),
      iat: input.now,
      nbf: input.now,
      exp: input.now + ttl,
    },
    key,
  );
  if (token.length > MAX_SESSION_TOKEN_LENGTH) {
    throw new ConfigurationError(
      'claims_too_large',
      `The session token is ${token.length} characters, more than the ${MAX_SESSION_TOKEN_LENGTH} a cookie can hold: shrink the custom session claims.`,
    );
  }
  return token;
}

/** Custom claims must be a plain JSON object that leaves the reserved claims alone. */
export function assertCustomClaims(claims: unknown): asserts claims is JwtPayload | undefined {
  if (claims === undefined) return;
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
    throw new ConfigurationError('claims_invalid', 'Custom session claims must be a JSON object.');
  }
  const reserved = Object.keys(claims).filter((name) => RESERVED_CLAIMS.includes(name));
  if (reserved.length) {
    throw new ConfigurationError(
      'claims_invalid',
      `Custom session claims may not set reserved claims (${reserved.join(', ')}); rename them.`,
    );
  }
}
