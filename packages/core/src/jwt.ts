import { base64UrlDecode, base64UrlDecodeText, base64UrlEncode, utf8 } from './base64url';
import { TokenVerificationError } from './errors';

export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
}

export type JwtPayload = Record<string, unknown>;

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Splits and decodes a compact JWS without verifying it. Throws `token_malformed` on anything odd. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = typeof token === 'string' && token.length <= 16_384 ? token.split('.') : [];
  if (parts.length !== 3) throw malformed('it does not have three dot-separated parts');
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  const payload = parseJson(p);
  const signature = base64UrlDecode(s);
  if (!header || typeof header.alg !== 'string') throw malformed('its header is not a JSON object with "alg"');
  if (!payload) throw malformed('its payload is not a JSON object');
  if (!signature || signature.length === 0) throw malformed('its signature is not base64url');
  return { header: header as unknown as JwtHeader, payload, signingInput: utf8(`${h}.${p}`), signature };
}

/** The payload of a token you already trust (or only want to display), or null. */
export function readJwtPayload(token: string): JwtPayload | null {
  const parts = token.split('.');
  return parts.length === 3 ? parseJson(parts[1]!) : null;
}

export function encodeJwtSegments(header: JwtHeader, payload: JwtPayload): string {
  return `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(payload))}`;
}

function parseJson(segment: string): Record<string, unknown> | null {
  const text = base64UrlDecodeText(segment);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function malformed(why: string): TokenVerificationError {
  return new TokenVerificationError('token_malformed', `The token is malformed: ${why}.`);
}
