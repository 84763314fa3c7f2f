import type { SqlClient, SqlExecutor } from '../sql-client';
import type { SigningKeyRecord } from '../types';
import { isUniqueViolation, toSigningKey } from './rows';

export async function listSigningKeys(db: SqlExecutor): Promise<SigningKeyRecord[]> {
  return (await db.query('SELECT * FROM orbital_signing_keys ORDER BY created_at, kid')).map(toSigningKey);
}

export async function createSigningKey(db: SqlClient, key: SigningKeyRecord, now: number): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        "UPDATE orbital_signing_keys SET retired_at = $1 WHERE retired_at IS NULL AND private_jwk->>'alg' <> $2",
        [now, key.privateJwk.alg],
      );
      await insertKey(tx, key);
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateSigningKeyPrivate(
  db: SqlExecutor,
  kid: string,
  privateJwk: SigningKeyRecord['privateJwk'],
): Promise<void> {
  await db.query('UPDATE orbital_signing_keys SET private_jwk = $2::jsonb WHERE kid = $1', [
    kid,
    JSON.stringify(privateJwk),
  ]);
}

export function rotateSigningKey(db: SqlClient, key: SigningKeyRecord, now: number): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.query('UPDATE orbital_signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [now]);
    await insertKey(tx, key);
  });
}

export async function deleteSigningKeys(db: SqlExecutor, kids: readonly string[]): Promise<void> {
  if (kids.length) await db.query('DELETE FROM orbital_signing_keys WHERE kid = ANY($1::text[])', [kids]);
}

async function insertKey(tx: SqlExecutor, key: SigningKeyRecord): Promise<void> {
  await tx.query(
    'INSERT INTO orbital_signing_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2::jsonb, $3::jsonb, $4)',
    [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt],
  );
}
