import type { SqlExecutor } from '../sql-client';
import type { VerificationRecord } from '../types';
import { one, toVerification } from './rows';

export async function createVerification(db: SqlExecutor, v: VerificationRecord): Promise<void> {
  await db.query(
    `INSERT INTO orbital_verifications (id, purpose, email, user_id, code_hash, token_hash, payload, attempts, sends, created_at, sent_at, expires_at, consumed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13)`,
    [
      v.id,
      v.purpose,
      v.email,
      v.userId,
      v.codeHash,
      v.tokenHash,
      JSON.stringify(v.payload),
      v.attempts,
      v.sends,
      v.createdAt,
      v.sentAt,
      v.expiresAt,
      v.consumedAt,
    ],
  );
}

export async function findVerification(db: SqlExecutor, id: string): Promise<VerificationRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_verifications WHERE id = $1', [id]));
  return row && toVerification(row);
}

export async function findVerificationByToken(db: SqlExecutor, tokenHash: string): Promise<VerificationRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_verifications WHERE token_hash = $1', [tokenHash]));
  return row && toVerification(row);
}

/** One statement: concurrent wrong guesses each count. */
export async function countVerificationAttempt(db: SqlExecutor, id: string): Promise<number | null> {
  const row = await one(
    db.query(
      'UPDATE orbital_verifications SET attempts = attempts + 1 WHERE id = $1 AND consumed_at IS NULL RETURNING attempts',
      [id],
    ),
  );
  return row && Number(row.attempts);
}

export async function consumeVerification(db: SqlExecutor, id: string, now: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE orbital_verifications SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL RETURNING id',
    [id, now],
  );
  return rows.length === 1;
}

export async function renewVerification(
  db: SqlExecutor,
  id: string,
  renewal: { codeHash: string; tokenHash: string; sentAt: number; expiresAt: number },
): Promise<void> {
  await db.query(
    `UPDATE orbital_verifications SET code_hash = $2, token_hash = $3, sent_at = $4, expires_at = $5, attempts = 0, sends = sends + 1
     WHERE id = $1 AND consumed_at IS NULL`,
    [id, renewal.codeHash, renewal.tokenHash, renewal.sentAt, renewal.expiresAt],
  );
}

export async function deleteVerification(db: SqlExecutor, id: string): Promise<void> {
  await db.query('DELETE FROM orbital_verifications WHERE id = $1', [id]);
}
