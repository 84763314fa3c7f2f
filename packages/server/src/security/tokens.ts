import { createHash, randomBytes } from 'node:crypto';

/** A random identifier with a readable prefix: `user_…`, `sess_…`, `client_…`. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(15).toString('base64url')}`;
}

/** A client token: 256 random bits, of which the store keeps only the SHA-256. */
export function newClientToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashClientToken(token) };
}

export function hashClientToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
