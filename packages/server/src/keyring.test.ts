import { describe, expect, it } from 'vitest';
import { createKeyring } from './keyring';
import { createMemoryStore } from './store/memory-store';

const now = () => Math.floor(Date.now() / 1000);

describe('keyring', () => {
  it('signs with the configured algorithm', async () => {
    const keyring = createKeyring(createMemoryStore(), { now, tokenTtl: 60, algorithm: 'ES256' });
    expect((await keyring.signer()).alg).toBe('ES256');
    expect((await keyring.jwks()).keys.map((k) => k.alg)).toEqual(['ES256']);
  });

  it('moves to a new key when the algorithm changes, keeping the old one published for live tokens', async () => {
    const store = createMemoryStore();
    await createKeyring(store, { now, tokenTtl: 60, algorithm: 'RS256' }).signer();
    const switched = createKeyring(store, { now, tokenTtl: 60, algorithm: 'ES256' });
    expect((await switched.signer()).alg).toBe('ES256');
    expect((await switched.jwks()).keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
  });
});
