import type { VerificationRecord } from '../types';
import { copy, type MemoryState } from './state';

export async function createVerification(db: MemoryState, verification: VerificationRecord): Promise<void> {
  db.verifications.set(verification.id, structuredClone(verification));
}

export async function findVerification(db: MemoryState, id: string): Promise<VerificationRecord | null> {
  return copy(db.verifications.get(id));
}

export async function findVerificationByToken(db: MemoryState, tokenHash: string): Promise<VerificationRecord | null> {
  return copy([...db.verifications.values()].find((v) => v.tokenHash === tokenHash));
}

export async function countVerificationAttempt(db: MemoryState, id: string): Promise<number | null> {
  const verification = db.verifications.get(id);
  if (!verification || verification.consumedAt !== null) return null;
  return ++verification.attempts;
}

export async function consumeVerification(db: MemoryState, id: string, now: number): Promise<boolean> {
  const verification = db.verifications.get(id);
  if (!verification || verification.consumedAt !== null) return false;
  verification.consumedAt = now;
  return true;
}

export async function renewVerification(
  db: MemoryState,
  id: string,
  renewal: { codeHash: string; tokenHash: string; sentAt: number; expiresAt: number },
): Promise<void> {
  const verification = db.verifications.get(id);
  if (!verification || verification.consumedAt !== null) return;
  Object.assign(verification, renewal, { attempts: 0, sends: verification.sends + 1 });
}

export async function deleteVerification(db: MemoryState, id: string): Promise<void> {
  db.verifications.delete(id);
}
