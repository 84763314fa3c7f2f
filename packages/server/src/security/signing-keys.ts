import {
  HANDSHAKE_TTL,
  generateSigningKeyPair,
  importSigningKey,
  type Jwks,
  type SigningKey,
} from '@orbital/core/server';
import { openJwk, sealJwk, type KeyEncryptionKey } from './key-encryption';
import type { SigningKeyRecord, Store } from '../store/types';

export type SigningAlgorithm = 'RS256' | 'ES256';

export interface Keyring {
  /** The key new tokens are signed with; generated and stored on first use. */
  signer(): Promise<SigningKey>;
  /** Public keys to publish: the current one and retired ones whose tokens may still be alive. */
  jwks(): Promise<Jwks>;
  /** Starts signing with a new key; the old one stays published until its last tokens expired. */
  rotate(): Promise<void>;
}

const RELOAD_SECONDS = 60;
const SLACK_SECONDS = 60;

export function createKeyring(
  store: Store,
  options: {
    /** Unix seconds. */
    nowSeconds: () => number;
    tokenTtl: number;
    algorithm: SigningAlgorithm;
    keyEncryptionKeys?: readonly KeyEncryptionKey[];
  },
): Keyring {
  const keks = options.keyEncryptionKeys ?? [];
  // Keys at rest are sealed under the first key-encryption key, when one is configured.
  const stored = (key: SigningKeyRecord): SigningKeyRecord =>
    keks[0] ? { ...key, privateJwk: sealJwk(key.privateJwk, keks[0]) as SigningKeyRecord['privateJwk'] } : key;
  let cache: { at: number; keys: SigningKeyRecord[]; signer: SigningKey } | undefined;
  let loading: Promise<NonNullable<typeof cache>> | undefined;

  async function load(): Promise<NonNullable<typeof cache>> {
    let keys = await store.listSigningKeys();
    // No key yet, or the configured algorithm changed: start signing with a new key (old ones stay published).
    if (!keys.some((k) => k.retiredAt === null && k.privateJwk.alg === options.algorithm)) {
      // Several instances starting together: one key wins, the others adopt it.
      await store.createSigningKey(stored(await newKey(options.algorithm, options.nowSeconds())), options.nowSeconds());
      keys = await store.listSigningKeys();
    }
    await resealUnderCurrentKek(keys);
    const now = options.nowSeconds();
    const grace = options.tokenTtl + HANDSHAKE_TTL + SLACK_SECONDS;
    const stale = keys.filter((k) => k.retiredAt !== null && k.retiredAt + grace < now);
    if (stale.length) await store.deleteSigningKeys(stale.map((k) => k.kid));
    keys = keys.filter((k) => !stale.includes(k));
    const current = keys.find((k) => k.retiredAt === null && k.privateJwk.alg === options.algorithm)!;
    return { at: now, keys, signer: await importSigningKey(openJwk(current.privateJwk, keks)) };
  }

  /** Keys stored in the clear, or under an older key-encryption key, are sealed under the current one. */
  async function resealUnderCurrentKek(keys: SigningKeyRecord[]): Promise<void> {
    const kek = keks[0];
    if (!kek) return;
    for (const key of keys) {
      if (key.privateJwk.sealed?.kek === kek.id) continue;
      key.privateJwk = sealJwk(openJwk(key.privateJwk, keks), kek) as SigningKeyRecord['privateJwk'];
      await store.updateSigningKeyPrivate(key.kid, key.privateJwk);
    }
  }

  async function get() {
    if (cache && options.nowSeconds() - cache.at < RELOAD_SECONDS) return cache;
    loading ??= load().finally(() => (loading = undefined));
    return (cache = await loading);
  }

  return {
    async signer() {
      return (await get()).signer;
    },
    async jwks() {
      return { keys: (await get()).keys.map((k) => k.publicJwk) };
    },
    async rotate() {
      await store.rotateSigningKey(stored(await newKey(options.algorithm, options.nowSeconds())), options.nowSeconds());
      cache = undefined;
    },
  };
}

async function newKey(algorithm: SigningAlgorithm, now: number): Promise<SigningKeyRecord> {
  const { privateJwk, publicJwk } = await generateSigningKeyPair(algorithm);
  return { kid: privateJwk.kid, privateJwk, publicJwk, createdAt: now, retiredAt: null };
}
