import type { SqlClient, SqlExecutor } from '../sql-client';
import { RETIRED_TOKEN_TTL, clientChanged, type ClientGraph, type ClientRecord, type SyncCodeRecord } from '../types';
import { json, num, one, toClient, toMembership, toOrganization, toSession, toUser, type Row } from './rows';

export async function createClient(
  db: SqlExecutor,
  { id, tokenHash, now }: { id: string; tokenHash: string; now: number },
): Promise<ClientRecord> {
  const rows = await db.query(
    'INSERT INTO orbital_clients (id, token_hash, created_at) VALUES ($1, $2, $3) RETURNING *',
    [id, tokenHash, now],
  );
  return toClient(rows[0]!);
}

/** A client with its active sessions, their users and memberships: one round trip per request. */
export async function loadClientGraph(
  db: SqlExecutor,
  by: { tokenHash: string } | { clientId: string },
): Promise<ClientGraph | null> {
  const [tokenHash, clientId] = 'clientId' in by ? [null, by.clientId] : [by.tokenHash, null];
  const row = await one(
    db.query(
      `WITH token AS (
         SELECT c.id AS client_id, NULL::text AS origin FROM orbital_clients c WHERE c.token_hash = $1
         UNION ALL
         SELECT t.client_id, t.origin FROM orbital_client_tokens t WHERE t.token_hash = $1 AND t.retired_at IS NULL
         LIMIT 1
       ), client AS (
         SELECT c.* FROM orbital_clients c WHERE c.id = $2 OR c.id = (SELECT client_id FROM token)
       )
       SELECT row_to_json(client.*) AS client, (SELECT origin FROM token) AS token_origin, coalesce((
         SELECT json_agg(json_build_object(
           'session', row_to_json(s.*),
           'user', row_to_json(u.*),
           'memberships', coalesce((
             SELECT json_agg(json_build_object('membership', row_to_json(m.*), 'organization', row_to_json(o.*)) ORDER BY m.created_at, o.id)
             FROM orbital_memberships m JOIN orbital_organizations o ON o.id = m.organization_id WHERE m.user_id = u.id
           ), '[]'::json)
         ) ORDER BY s.created_at, s.id)
         FROM orbital_sessions s JOIN orbital_users u ON u.id = s.user_id
         WHERE s.client_id = client.id AND s.status = 'active'
       ), '[]'::json) AS sessions
       FROM client`,
      [tokenHash, clientId],
    ),
  );
  if (!row) return null;
  const sessions = json<Array<{ session: Row; user: Row; memberships: Array<{ membership: Row; organization: Row }> }>>(
    row.sessions,
  );
  return {
    client: toClient(json<Row>(row.client)),
    tokenOrigin: (row.token_origin as string | null) ?? null,
    sessions: sessions.map((entry) => ({
      session: toSession(entry.session),
      user: toUser(entry.user),
      memberships: entry.memberships.map(({ membership, organization }) => ({
        ...toMembership(membership),
        organization: toOrganization(organization),
      })),
    })),
  };
}

export async function addClientToken(
  db: SqlExecutor,
  clientId: string,
  tokenHash: string,
  now: number,
  origin: string | null = null,
): Promise<void> {
  await db.query(
    'INSERT INTO orbital_client_tokens (token_hash, client_id, created_at, origin) VALUES ($1, $2, $3, $4)',
    [tokenHash, clientId, now, origin],
  );
}

/** Rotates a client token: the old one is retired (still recognised for a while), a concurrent rotation loses. */
export function replaceClientToken(
  db: SqlClient,
  {
    clientId,
    oldHash,
    newHash,
    origin,
    now,
  }: { clientId: string; oldHash: string; newHash: string; origin: string | null; now: number },
): Promise<void> {
  return db.transaction(async (tx) => {
    const primary = await tx.query(
      'UPDATE orbital_clients SET token_hash = $3 WHERE id = $1 AND token_hash = $2 RETURNING id',
      [clientId, oldHash, newHash],
    );
    if (primary.length) {
      await tx.query(
        'INSERT INTO orbital_client_tokens (token_hash, client_id, created_at, retired_at) VALUES ($1, $2, $3, $3)',
        [oldHash, clientId, now],
      );
    } else {
      const extra = await tx.query(
        'UPDATE orbital_client_tokens SET retired_at = $3 WHERE token_hash = $1 AND client_id = $2 AND retired_at IS NULL RETURNING token_hash',
        [oldHash, clientId, now],
      );
      if (!extra.length) throw clientChanged();
      await tx.query(
        'INSERT INTO orbital_client_tokens (token_hash, client_id, created_at, origin) VALUES ($1, $2, $3, $4)',
        [newHash, clientId, now, origin],
      );
    }
    await tx.query(
      'DELETE FROM orbital_client_tokens WHERE client_id = $1 AND origin IS NOT NULL AND token_hash <> $2 AND retired_at IS NULL',
      [clientId, newHash],
    );
    await tx.query('DELETE FROM orbital_client_tokens WHERE retired_at < $1', [now - RETIRED_TOKEN_TTL]);
  });
}

export async function findRetiredClientToken(
  db: SqlExecutor,
  tokenHash: string,
): Promise<{ clientId: string; retiredAt: number } | null> {
  const row = await one(
    db.query(
      'SELECT client_id, retired_at FROM orbital_client_tokens WHERE token_hash = $1 AND retired_at IS NOT NULL',
      [tokenHash],
    ),
  );
  return row && { clientId: row.client_id as string, retiredAt: num(row.retired_at) };
}

/** A new `uat`: apps holding a token for this client refresh it. */
export async function touchClient(db: SqlExecutor, clientId: string, now: number): Promise<void> {
  await db.query('UPDATE orbital_clients SET uat = $2 WHERE id = $1', [clientId, now]);
}

export async function createSyncCode(db: SqlExecutor, code: SyncCodeRecord): Promise<void> {
  await db.query('INSERT INTO orbital_sync_codes (code_hash, client_id, origin, expires_at) VALUES ($1, $2, $3, $4)', [
    code.codeHash,
    code.clientId,
    code.origin,
    code.expiresAt,
  ]);
}

/** Deletes and returns the code: single use even when two redemptions race. */
export async function consumeSyncCode(db: SqlExecutor, codeHash: string): Promise<SyncCodeRecord | null> {
  const row = await one(db.query('DELETE FROM orbital_sync_codes WHERE code_hash = $1 RETURNING *', [codeHash]));
  return (
    row && {
      codeHash: row.code_hash as string,
      clientId: row.client_id as string,
      origin: row.origin as string,
      expiresAt: num(row.expires_at),
    }
  );
}
