import type { SqlClient, SqlExecutor } from '../sql-client';
import type { ClientChange, NewUser, SessionRecord, SessionStatus } from '../types';
import { one, toSession } from './rows';
import { createUser } from './users';

/** A new session and the client's switch to it, in one transaction (with the new user, and the sessions it replaces). */
export function createSession(
  db: SqlClient,
  { id, clientId, userId, now }: { id: string; clientId: string; userId: string; now: number },
  change: ClientChange,
  { newUser, replaces = [] }: { newUser?: NewUser | undefined; replaces?: readonly string[] } = {},
): Promise<SessionRecord> {
  return db.transaction(async (tx) => {
    if (newUser) await createUser(tx, newUser);
    if (replaces.length) await endSessionsIn(tx, replaces, 'ended', now);
    const rows = await tx.query(
      `INSERT INTO orbital_sessions (id, client_id, user_id, status, created_at, last_active_at) VALUES ($1, $2, $3, 'active', $4, $4) RETURNING *`,
      [id, clientId, userId, now],
    );
    await tx.query('UPDATE orbital_clients SET last_active_session_id = $2, uat = $3 WHERE id = $1', [
      change.clientId,
      change.lastActiveSessionId,
      change.uat,
    ]);
    return toSession(rows[0]!);
  });
}

export async function findSession(db: SqlExecutor, id: string): Promise<SessionRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_sessions WHERE id = $1', [id]));
  return row && toSession(row);
}

export async function listUserSessions(db: SqlExecutor, userId: string): Promise<SessionRecord[]> {
  const rows = await db.query(
    `SELECT * FROM orbital_sessions WHERE user_id = $1 AND status = 'active' ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(toSession);
}

/** Moves `lastActiveAt` forward (never back); false when the session is no longer active. */
export async function touchSession(db: SqlExecutor, id: string, now: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE orbital_sessions SET last_active_at = GREATEST(last_active_at, $2) WHERE id = $1 AND status = 'active' RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

export async function endSessions(
  db: SqlClient,
  ids: readonly string[],
  status: Exclude<SessionStatus, 'active'>,
  now: number,
): Promise<void> {
  if (ids.length) await db.transaction((tx) => endSessionsIn(tx, ids, status, now));
}

/** Makes a session its client's active one; false when it ended meanwhile (or belongs to another client). */
export async function activateSession(
  db: SqlExecutor,
  { clientId, lastActiveSessionId, uat }: ClientChange & { lastActiveSessionId: string },
): Promise<boolean> {
  // FOR SHARE: an ending session waits for this switch to commit, or this switch for the end
  // (and then finds the session no longer active).
  const rows = await db.query(
    `UPDATE orbital_clients SET last_active_session_id = $2, uat = $3 WHERE id = $1
       AND EXISTS (SELECT 1 FROM orbital_sessions WHERE id = $2 AND client_id = $1 AND status = 'active' FOR SHARE)
     RETURNING id`,
    [clientId, lastActiveSessionId, uat],
  );
  return rows.length === 1;
}

async function endSessionsIn(tx: SqlExecutor, ids: readonly string[], status: string, now: number): Promise<void> {
  await tx.query(
    `UPDATE orbital_sessions SET status = $2, ended_at = $3 WHERE id = ANY($1::text[]) AND status = 'active'`,
    [ids, status, now],
  );
  // A second statement, so a second snapshot: it sees a switch that committed while the first
  // waited for that switch's lock, and clears it.
  await tx.query(
    `UPDATE orbital_clients c SET last_active_session_id = NULL, uat = $2
     FROM orbital_sessions s WHERE s.id = ANY($1::text[]) AND c.id = s.client_id AND c.last_active_session_id = s.id`,
    [ids, now],
  );
}
