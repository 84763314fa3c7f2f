import type { SigningKeyRecord } from '../types';
import type { MemoryState } from './state';

export async function listSigningKeys(db: MemoryState): Promise<SigningKeyRecord[]> {
  return [...db.signingKeys.values()].map((k) => structuredClone(k)).sort((a, b) => a.createdAt - b.createdAt);
}

export async function createSigningKey(db: MemoryState, key: SigningKeyRecord, now: number): Promise<boolean> {
  const keys = [...db.signingKeys.values()];
  if (keys.some((k) => k.retiredAt === null && k.privateJwk.alg === key.privateJwk.alg)) return false;
  await rotateSigningKey(db, key, now);
  return true;
}

export async function updateSigningKeyPrivate(
  db: MemoryState,
  kid: string,
  privateJwk: SigningKeyRecord['privateJwk'],
): Promise<void> {
  const key = db.signingKeys.get(kid);
  if (key) key.privateJwk = structuredClone(privateJwk);
}

export async function rotateSigningKey(db: MemoryState, key: SigningKeyRecord, now: number): Promise<void> {
  for (const existing of db.signingKeys.values()) if (existing.retiredAt === null) existing.retiredAt = now;
  db.signingKeys.set(key.kid, structuredClone(key));
}

export async function deleteSigningKeys(db: MemoryState, kids: readonly string[]): Promise<void> {
  for (const kid of kids) db.signingKeys.delete(kid);
}
