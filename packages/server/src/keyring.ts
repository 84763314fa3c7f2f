import { HANDSHAKE_TTL, generateSigningKeyPair, importSigningKey, type Jwks, type SigningKey } from '@orbital/core/server';
import type { SigningKeyRecord, Store } from './store/types';

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

export function createKeyring(store: Store, options: { now: () => number; tokenTtl: number; algorithm: SigningAlgorithm }): Keyring {
  let cache: { at: number; keys: SigningKeyRecord[]; signer: SigningKey } | undefined;
  let loading: Promise<NonNullable<typeof cache>> | undefined;

  async function load(): Promise<NonNullable<typeof cache>> {
    let keys = await store.listSigningKeys();
    // No key yet, or the configured algorithm changed: start signing with a new key (old ones stay published).
    if (!keys.some((k) => k.retiredAt === null && k.privateJwk.alg === options.algorithm)) {
      await store.rotateSigningKey(await newKey(options.algorithm, options.now()), options.now());
      keys = await store.listSigningKeys();
    }
    const now = options.now();
    const grace = options.tokenTtl + HANDSHAKE_TTL + SLACK_SECONDS;
    const stale = keys.filter((k) => k.retiredAt !== null && k.retiredAt + grace < now);
    if (stale.length) await store.deleteSigningKeys(stale.map((k) => k.kid));
    keys = keys.filter((k) => !stale.includes(k));
    // Two instances starting at once may both add a key: the newest active one signs.
    const current = keys.filter((k) => k.retiredAt === null && k.privateJwk.alg === options.algorithm).at(-1)!;
    return { at: now, keys, signer: await importSigningKey(current.privateJwk) };
  }

  async function get() {
    if (cache && options.now() - cache.at < RELOAD_SECONDS) return cache;
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
      await store.rotateSigningKey(await newKey(options.algorithm, options.now()), options.now());
      cache = undefined;
    },
  };
}

async function newKey(algorithm: SigningAlgorithm, now: number): Promise<SigningKeyRecord> {
  const { privateJwk, publicJwk } = await generateSigningKeyPair(algorithm);
  return { kid: privateJwk.kid, privateJwk, publicJwk, createdAt: now, retiredAt: null };
}
