import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConfigurationError } from '@orbital/core';

/** A key-encryption key: 32 random bytes, named by a short hash so a sealed key says which one sealed it. */
export interface KeyEncryptionKey {
  id: string;
  key: Buffer;
}

/** A private JWK as stored when key encryption is on: AES-256-GCM under a key-encryption key. */
export interface SealedJwk {
  kid: string;
  alg: string;
  sealed: { kek: string; iv: string; data: string; tag: string };
}

/**
 * Key-encryption keys from `ORBITAL_KEY_ENCRYPTION_KEY`: base64url of 32 random bytes, several
 * separated by commas to rotate (the first seals, every one opens).
 *
 * @example parseKeyEncryptionKeys(process.env.ORBITAL_KEY_ENCRYPTION_KEY) // [] when unset
 */
export function parseKeyEncryptionKeys(value: string | readonly string[] | undefined): KeyEncryptionKey[] {
  const list = typeof value === 'string' ? value.split(',') : (value ?? []);
  return list
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const key = Buffer.from(entry, 'base64url');
      if (key.length !== 32 || key.toString('base64url') !== entry.replace(/=+$/, '')) {
        throw new ConfigurationError(
          'configuration_invalid',
          "ORBITAL_KEY_ENCRYPTION_KEY must be 32 random bytes in base64url (node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"), several separated by commas when rotating.",
        );
      }
      return { id: createHash('sha256').update(key).digest('hex').slice(0, 12), key };
    });
}

export function isSealed(jwk: object): jwk is SealedJwk {
  return 'sealed' in jwk;
}

/** Seals a private JWK; the kid and algorithm stay readable (the store indexes them), the key material does not. */
export function sealJwk(jwk: JsonWebKey & { kid: string; alg: string }, kek: KeyEncryptionKey): SealedJwk {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv);
  cipher.setAAD(Buffer.from(jwk.kid));
  const data = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return {
    kid: jwk.kid,
    alg: jwk.alg,
    sealed: {
      kek: kek.id,
      iv: iv.toString('base64url'),
      data: data.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
    },
  };
}

/** Opens a sealed JWK with whichever configured key sealed it; a plain one passes through. */
export function openJwk<T extends JsonWebKey>(stored: T | SealedJwk, keks: readonly KeyEncryptionKey[]): T {
  if (!isSealed(stored)) return stored;
  const kek = keks.find((k) => k.id === stored.sealed.kek);
  if (!kek) {
    throw new ConfigurationError(
      'configuration_invalid',
      `Signing key ${stored.kid} is encrypted with a key-encryption key (${stored.sealed.kek}) that ORBITAL_KEY_ENCRYPTION_KEY does not list: add it back (after the new one) until the keys are re-encrypted.`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', kek.key, Buffer.from(stored.sealed.iv, 'base64url'));
  decipher.setAAD(Buffer.from(stored.kid));
  decipher.setAuthTag(Buffer.from(stored.sealed.tag, 'base64url'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(stored.sealed.data, 'base64url')), decipher.final()]).toString('utf8'),
  ) as T;
}
