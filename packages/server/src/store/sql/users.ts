import { ApiError } from '@orbital/core';
import type { SqlExecutor } from '../sql-client';
import { identifierTaken, type NewUser, type UserPatch, type UserRecord } from '../types';
import { isUniqueViolation, one, toUser } from './rows';

export async function createUser(db: SqlExecutor, user: NewUser): Promise<UserRecord> {
  try {
    const rows = await db.query(
      `INSERT INTO orbital_users (id, email, email_verified, password_hash, first_name, last_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
      [
        user.id,
        user.email.toLowerCase(),
        user.emailVerified ?? false,
        user.passwordHash,
        user.firstName,
        user.lastName,
        user.now,
      ],
    );
    return toUser(rows[0]!);
  } catch (error) {
    if (isUniqueViolation(error)) throw identifierTaken();
    throw error;
  }
}

export async function findUserByEmail(db: SqlExecutor, email: string): Promise<UserRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_users WHERE email = $1', [email.toLowerCase()]));
  return row && toUser(row);
}

export async function findUserById(db: SqlExecutor, id: string): Promise<UserRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_users WHERE id = $1', [id]));
  return row && toUser(row);
}

export async function updateUser(db: SqlExecutor, id: string, patch: UserPatch, now: number): Promise<UserRecord> {
  let row;
  try {
    row = await one(
      db.query(
        `UPDATE orbital_users SET
           first_name = CASE WHEN $2 THEN $3 ELSE first_name END,
           last_name = CASE WHEN $4 THEN $5 ELSE last_name END,
           password_hash = COALESCE($6, password_hash),
           public_metadata = COALESCE($7::jsonb, public_metadata),
           email = COALESCE($8, email),
           email_verified = COALESCE($9, email_verified),
           updated_at = $10
         WHERE id = $1 RETURNING *`,
        [
          id,
          patch.firstName !== undefined,
          patch.firstName ?? null,
          patch.lastName !== undefined,
          patch.lastName ?? null,
          patch.passwordHash ?? null,
          patch.publicMetadata ? JSON.stringify(patch.publicMetadata) : null,
          patch.email?.toLowerCase() ?? null,
          patch.emailVerified ?? null,
          now,
        ],
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw identifierTaken();
    throw error;
  }
  if (!row) throw new ApiError(404, 'not_found', 'User not found.');
  return toUser(row);
}
