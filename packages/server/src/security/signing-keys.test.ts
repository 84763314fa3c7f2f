import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyEncryptionKeys } from './key-encryption';
import { createKeyring } from './signing-keys';
import { createMemoryStore } from '../store/memory-store';

const now = () => Math.floor(Date.now() / 1000);

describe('keyring', () => {
  it('signs with the configured algorithm', async () => {
    const keyring = createKeyring(createMemoryStore(), { nowSeconds: now, tokenTtl: 60, algorithm: 'ES256' });
    expect((await keyring.signer()).alg).toBe('ES256');
    expect((await keyring.jwks()).keys.map((k) => k.alg)).toEqual(['ES256']);
  });

  it('moves to a new key when the algorithm changes, keeping the old one published for live tokens', async () => {
    const store = createMemoryStore();
    await createKeyring(store, { nowSeconds: now, tokenTtl: 60, algorithm: 'RS256' }).signer();
    const switched = createKeyring(store, { nowSeconds: now, tokenTtl: 60, algorithm: 'ES256' });
    expect((await switched.signer()).alg).toBe('ES256');
    expect((await switched.jwks()).keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
  });
});

describe('keyring at rest', () => {
  const kek = () => randomBytes(32).toString('base64url');

  it('signs with one key however many instances start together on an empty database', async () => {
    const store = createMemoryStore();
    const keyrings = Array.from({ length: 4 }, () =>
      createKeyring(store, { nowSeconds: now, tokenTtl: 60, algorithm: 'ES256' }),
    );
    const signers = await Promise.all(keyrings.map((k) => k.signer()));
    expect(new Set(signers.map((s) => s.kid)).size).toBe(1);
    expect((await keyrings[0]!.jwks()).keys).toHaveLength(1);
  });

  it('encrypts private keys with the key-encryption key, and refuses to start without it', async () => {
    const store = createMemoryStore();
    const keks = parseKeyEncryptionKeys(kek());
    const keyring = createKeyring(store, {
      nowSeconds: now,
      tokenTtl: 60,
      algorithm: 'ES256',
      keyEncryptionKeys: keks,
    });
    const signer = await keyring.signer();
    const [stored] = await store.listSigningKeys();
    expect(stored!.privateJwk.sealed).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain('"d"');
    await expect(
      createKeyring(store, { nowSeconds: now, tokenTtl: 60, algorithm: 'ES256' }).signer(),
    ).rejects.toMatchObject({
      code: 'configuration_invalid',
      message: expect.stringContaining('ORBITAL_KEY_ENCRYPTION_KEY'),
    });
    expect(
      (
        await createKeyring(store, {
          nowSeconds: now,
          tokenTtl: 60,
          algorithm: 'ES256',
          keyEncryptionKeys: keks,
        }).signer()
      ).kid,
    ).toBe(signer.kid);
  });

  it('re-encrypts under a new key-encryption key listed before the old one, and encrypts keys stored in the clear', async () => {
    const store = createMemoryStore();
    await createKeyring(store, { nowSeconds: now, tokenTtl: 60, algorithm: 'ES256' }).signer(); // before encryption was turned on
    const [oldKek, newKek] = [kek(), kek()];
    await createKeyring(store, {
      nowSeconds: now,
      tokenTtl: 60,
      algorithm: 'ES256',
      keyEncryptionKeys: parseKeyEncryptionKeys(oldKek),
    }).signer();
    expect((await store.listSigningKeys())[0]!.privateJwk.sealed?.kek).toBe(parseKeyEncryptionKeys(oldKek)[0]!.id);
    await createKeyring(store, {
      nowSeconds: now,
      tokenTtl: 60,
      algorithm: 'ES256',
      keyEncryptionKeys: parseKeyEncryptionKeys(`${newKek},${oldKek}`),
    }).signer();
    expect((await store.listSigningKeys())[0]!.privateJwk.sealed?.kek).toBe(parseKeyEncryptionKeys(newKek)[0]!.id);
    expect(
      (
        await createKeyring(store, {
          nowSeconds: now,
          tokenTtl: 60,
          algorithm: 'ES256',
          keyEncryptionKeys: parseKeyEncryptionKeys(newKek),
        }).signer()
      ).alg,
    ).toBe('ES256');
  });

  it('names the variable for a malformed key-encryption key', () => {
    expect(() => parseKeyEncryptionKeys('too-short')).toThrow(
      expect.objectContaining({
        code: 'configuration_invalid',
        message: expect.stringContaining('ORBITAL_KEY_ENCRYPTION_KEY'),
      }),
    );
  });
});
