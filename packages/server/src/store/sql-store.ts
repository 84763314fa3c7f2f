import { ApiError } from '@orbital/core';
import { migrations } from './migrations';
import type { SqlClient, SqlExecutor } from './sql-client';
import {
  RETIRED_TOKEN_TTL,
  clientChanged,
  storeUnavailable,
  identifierTaken,
  slugTaken,
  type ClientChange,
  type ClientRecord,
  type InvitationRecord,
  type MembershipRecord,
  type NewUser,
  type OrganizationRecord,
  type SessionRecord,
  type SigningKeyRecord,
  type Store,
  type UserRecord,
} from './types';

/** The SQL store: the same statements on embedded PGlite and on PostgreSQL. */
export function createSqlStore(db: SqlClient): Store {
  const one = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;
  const setClient = (tx: SqlExecutor, change: ClientChange) =>
    tx.query('UPDATE orbital_clients SET last_active_session_id = $2, uat = $3 WHERE id = $1', [
      change.clientId,
      change.lastActiveSessionId,
      change.uat,
    ]);

  const endSessionsIn = async (tx: SqlExecutor, ids: readonly string[], status: string, now: number) => {
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
  };

  const store: Store = {
    async migrate() {
      await db.transaction(
        async (tx) => {
          // Several instances may start at once: one migrates, the others wait and find nothing to do.
          await tx.query(`SELECT pg_advisory_xact_lock(hashtext('orbital_migrations'))`);
          await tx.query(
            'CREATE TABLE IF NOT EXISTS orbital_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
          );
          const done = new Set(
            (await tx.query<{ version: number }>('SELECT version FROM orbital_migrations')).map((r) =>
              Number(r.version),
            ),
          );
          for (const [index, sql] of migrations.entries()) {
            if (done.has(index + 1)) continue;
            for (const statement of sql
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean))
              await tx.query(statement);
            await tx.query('INSERT INTO orbital_migrations (version) VALUES ($1)', [index + 1]);
          }
        },
        { unbounded: true },
      );
    },
    async ping() {
      await db.query('SELECT 1');
    },
    close: () => db.close(),

    createUser: (user) => insertUser(db, user),
    async findUserByEmail(email) {
      const row = await one(db.query('SELECT * FROM orbital_users WHERE email = $1', [email.toLowerCase()]));
      return row && toUser(row);
    },
    async findUserById(id) {
      const row = await one(db.query('SELECT * FROM orbital_users WHERE id = $1', [id]));
      return row && toUser(row);
    },
    async updateUser(id, patch, now) {
      const row = await one(
        db.query(
          `UPDATE orbital_users SET
             first_name = CASE WHEN $2 THEN $3 ELSE first_name END,
             last_name = CASE WHEN $4 THEN $5 ELSE last_name END,
             password_hash = COALESCE($6, password_hash),
             public_metadata = COALESCE($7::jsonb, public_metadata),
             updated_at = $8
           WHERE id = $1 RETURNING *`,
          [
            id,
            patch.firstName !== undefined,
            patch.firstName ?? null,
            patch.lastName !== undefined,
            patch.lastName ?? null,
            patch.passwordHash ?? null,
            patch.publicMetadata ? JSON.stringify(patch.publicMetadata) : null,
            now,
          ],
        ),
      );
      if (!row) throw new ApiError(404, 'not_found', 'User not found.');
      return toUser(row);
    },

    async createClient({ id, tokenHash, now }) {
      const rows = await db.query(
        'INSERT INTO orbital_clients (id, token_hash, created_at) VALUES ($1, $2, $3) RETURNING *',
        [id, tokenHash, now],
      );
      return toClient(rows[0]!);
    },
    async loadClientGraph(by) {
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
      const sessions = json<
        Array<{ session: Row; user: Row; memberships: Array<{ membership: Row; organization: Row }> }>
      >(row.sessions);
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
    },
    async addClientToken(clientId, tokenHash, now, origin = null) {
      await db.query(
        'INSERT INTO orbital_client_tokens (token_hash, client_id, created_at, origin) VALUES ($1, $2, $3, $4)',
        [tokenHash, clientId, now, origin],
      );
    },
    replaceClientToken({ clientId, oldHash, newHash, origin, now }) {
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
    },
    async findRetiredClientToken(tokenHash) {
      const row = await one(
        db.query(
          'SELECT client_id, retired_at FROM orbital_client_tokens WHERE token_hash = $1 AND retired_at IS NOT NULL',
          [tokenHash],
        ),
      );
      return row && { clientId: row.client_id as string, retiredAt: num(row.retired_at) };
    },
    async createSyncCode(code) {
      await db.query(
        'INSERT INTO orbital_sync_codes (code_hash, client_id, origin, expires_at) VALUES ($1, $2, $3, $4)',
        [code.codeHash, code.clientId, code.origin, code.expiresAt],
      );
    },
    async consumeSyncCode(codeHash) {
      const row = await one(db.query('DELETE FROM orbital_sync_codes WHERE code_hash = $1 RETURNING *', [codeHash]));
      return (
        row && {
          codeHash: row.code_hash as string,
          clientId: row.client_id as string,
          origin: row.origin as string,
          expiresAt: num(row.expires_at),
        }
      );
    },

    createSession({ id, clientId, userId, now }, change, { newUser, replaces = [] } = {}) {
      return db.transaction(async (tx) => {
        if (newUser) await insertUser(tx, newUser);
        if (replaces.length) await endSessionsIn(tx, replaces, 'ended', now);
        const rows = await tx.query(
          `INSERT INTO orbital_sessions (id, client_id, user_id, status, created_at, last_active_at) VALUES ($1, $2, $3, 'active', $4, $4) RETURNING *`,
          [id, clientId, userId, now],
        );
        await setClient(tx, change);
        return toSession(rows[0]!);
      });
    },
    async findSession(id) {
      const row = await one(db.query('SELECT * FROM orbital_sessions WHERE id = $1', [id]));
      return row && toSession(row);
    },
    async listUserSessions(userId) {
      return (
        await db.query(
          `SELECT * FROM orbital_sessions WHERE user_id = $1 AND status = 'active' ORDER BY created_at, id`,
          [userId],
        )
      ).map(toSession);
    },
    async touchSession(id, now) {
      const rows = await db.query(
        `UPDATE orbital_sessions SET last_active_at = GREATEST(last_active_at, $2) WHERE id = $1 AND status = 'active' RETURNING id`,
        [id, now],
      );
      return rows.length === 1;
    },
    async endSessions(ids, status, now) {
      if (ids.length) await db.transaction((tx) => endSessionsIn(tx, ids, status, now));
    },
    async activateSession({ clientId, lastActiveSessionId, uat }) {
      // FOR SHARE: an ending session waits for this switch to commit, or this switch for the end
      // (and then finds the session no longer active).
      const rows = await db.query(
        `UPDATE orbital_clients SET last_active_session_id = $2, uat = $3 WHERE id = $1
           AND EXISTS (SELECT 1 FROM orbital_sessions WHERE id = $2 AND client_id = $1 AND status = 'active' FOR SHARE)
         RETURNING id`,
        [clientId, lastActiveSessionId, uat],
      );
      return rows.length === 1;
    },
    async touchClient(clientId, now) {
      await db.query('UPDATE orbital_clients SET uat = $2 WHERE id = $1', [clientId, now]);
    },

    async createOrganization(organization, creatorId) {
      try {
        await db.transaction(async (tx) => {
          await tx.query('INSERT INTO orbital_organizations (id, name, slug, created_at) VALUES ($1, $2, $3, $4)', [
            organization.id,
            organization.name,
            organization.slug,
            organization.createdAt,
          ]);
          await tx.query(
            `INSERT INTO orbital_memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, 'admin', $3)`,
            [organization.id, creatorId, organization.createdAt],
          );
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw slugTaken();
        throw error;
      }
      return organization;
    },
    async findOrganization(id) {
      const row = await one(db.query('SELECT * FROM orbital_organizations WHERE id = $1', [id]));
      return row && toOrganization(row);
    },
    async findOrganizationBySlug(slug) {
      const row = await one(db.query('SELECT * FROM orbital_organizations WHERE slug = $1', [slug]));
      return row && toOrganization(row);
    },
    async renameOrganization(id, name) {
      await db.query('UPDATE orbital_organizations SET name = $2 WHERE id = $1', [id, name]);
    },
    deleteOrganization(id) {
      return db.transaction(async (tx) => {
        await tx.query('UPDATE orbital_sessions SET active_organization_id = NULL WHERE active_organization_id = $1', [
          id,
        ]);
        await tx.query('DELETE FROM orbital_organizations WHERE id = $1', [id]);
      });
    },
    async listMembers(organizationId) {
      return (
        await db.query('SELECT * FROM orbital_memberships WHERE organization_id = $1 ORDER BY created_at, user_id', [
          organizationId,
        ])
      ).map(toMembership);
    },
    async listUserMemberships(userId) {
      const rows = await db.query(
        `SELECT m.*, o.name, o.slug, o.created_at AS organization_created_at FROM orbital_memberships m
         JOIN orbital_organizations o ON o.id = m.organization_id WHERE m.user_id = $1 ORDER BY m.created_at, o.id`,
        [userId],
      );
      return rows.map((row) => ({
        ...toMembership(row),
        organization: {
          id: row.organization_id as string,
          name: row.name as string,
          slug: row.slug as string,
          createdAt: num(row.organization_created_at),
        },
      }));
    },
    async putMembership(m) {
      await db.query(
        `INSERT INTO orbital_memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [m.organizationId, m.userId, m.role, m.createdAt],
      );
    },
    removeMembership(organizationId, userId) {
      return db.transaction(async (tx) => {
        await tx.query('DELETE FROM orbital_memberships WHERE organization_id = $1 AND user_id = $2', [
          organizationId,
          userId,
        ]);
        await tx.query(
          'UPDATE orbital_sessions SET active_organization_id = NULL WHERE active_organization_id = $1 AND user_id = $2',
          [organizationId, userId],
        );
      });
    },
    async setSessionOrganization(sessionId, organizationId) {
      await db.query('UPDATE orbital_sessions SET active_organization_id = $2 WHERE id = $1', [
        sessionId,
        organizationId,
      ]);
    },

    async createInvitation(i) {
      await db.query(
        'INSERT INTO orbital_invitations (id, organization_id, email, role, invited_by, status, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [i.id, i.organizationId, i.email, i.role, i.invitedBy, i.status, i.createdAt, i.expiresAt],
      );
    },
    async findInvitation(id) {
      const row = await one(db.query('SELECT * FROM orbital_invitations WHERE id = $1', [id]));
      return row && toInvitation(row);
    },
    async listPendingInvitations(by, now) {
      const [column, value] = 'email' in by ? ['i.email', by.email] : ['i.organization_id', by.organizationId];
      const rows = await db.query(
        `SELECT i.*, o.name, o.slug, o.created_at AS organization_created_at FROM orbital_invitations i
         JOIN orbital_organizations o ON o.id = i.organization_id
         WHERE ${column} = $1 AND i.status = 'pending' AND i.expires_at > $2 ORDER BY i.created_at, i.id`,
        [value, now],
      );
      return rows.map((row) => ({
        ...toInvitation(row),
        organization: {
          id: row.organization_id as string,
          name: row.name as string,
          slug: row.slug as string,
          createdAt: num(row.organization_created_at),
        },
      }));
    },
    closeInvitation(id, status, now, member) {
      return db.transaction(async (tx) => {
        const closed = await tx.query(
          "UPDATE orbital_invitations SET status = $2, closed_at = $3 WHERE id = $1 AND status = 'pending' RETURNING *",
          [id, status, now],
        );
        if (!closed.length) return false;
        if (member) {
          const invitation = toInvitation(closed[0]!);
          await tx.query(
            'INSERT INTO orbital_memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (organization_id, user_id) DO NOTHING',
            [invitation.organizationId, member.userId, invitation.role, now],
          );
        }
        return true;
      });
    },

    async listSigningKeys() {
      return (await db.query('SELECT * FROM orbital_signing_keys ORDER BY created_at, kid')).map(toKey);
    },
    async createSigningKey(key, now) {
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            "UPDATE orbital_signing_keys SET retired_at = $1 WHERE retired_at IS NULL AND private_jwk->>'alg' <> $2",
            [now, key.privateJwk.alg],
          );
          await tx.query(
            'INSERT INTO orbital_signing_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2::jsonb, $3::jsonb, $4)',
            [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt],
          );
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },
    async updateSigningKeyPrivate(kid, privateJwk) {
      await db.query('UPDATE orbital_signing_keys SET private_jwk = $2::jsonb WHERE kid = $1', [
        kid,
        JSON.stringify(privateJwk),
      ]);
    },
    rotateSigningKey(key, now) {
      return db.transaction(async (tx) => {
        await tx.query('UPDATE orbital_signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [now]);
        await tx.query(
          'INSERT INTO orbital_signing_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2::jsonb, $3::jsonb, $4)',
          [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt],
        );
      });
    },
    async deleteSigningKeys(kids) {
      if (kids.length) await db.query('DELETE FROM orbital_signing_keys WHERE kid = ANY($1::text[])', [kids]);
    },
  };
  return withUnavailableErrors(store);
}

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toUser(row: Row): UserRecord {
  return {
    id: row.id as string,
    email: row.email as string,
    passwordHash: row.password_hash as string,
    firstName: (row.first_name as string | null) ?? null,
    lastName: (row.last_name as string | null) ?? null,
    publicMetadata: json(row.public_metadata ?? {}),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  };
}

function toClient(row: Row): ClientRecord {
  return {
    id: row.id as string,
    tokenHash: row.token_hash as string,
    lastActiveSessionId: (row.last_active_session_id as string | null) ?? null,
    uat: num(row.uat),
    createdAt: num(row.created_at),
  };
}

function toSession(row: Row): SessionRecord {
  return {
    id: row.id as string,
    clientId: row.client_id as string,
    userId: row.user_id as string,
    status: row.status as SessionRecord['status'],
    activeOrganizationId: (row.active_organization_id as string | null) ?? null,
    createdAt: num(row.created_at),
    lastActiveAt: num(row.last_active_at),
    endedAt: numOrNull(row.ended_at),
  };
}

function toOrganization(row: Row): OrganizationRecord {
  return { id: row.id as string, name: row.name as string, slug: row.slug as string, createdAt: num(row.created_at) };
}

function toMembership(row: Row): MembershipRecord {
  return {
    organizationId: row.organization_id as string,
    userId: row.user_id as string,
    role: row.role as MembershipRecord['role'],
    createdAt: num(row.created_at),
  };
}

async function insertUser(db: SqlExecutor, user: NewUser): Promise<UserRecord> {
  try {
    const rows = await db.query(
      `INSERT INTO orbital_users (id, email, password_hash, first_name, last_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
      [user.id, user.email.toLowerCase(), user.passwordHash, user.firstName, user.lastName, user.now],
    );
    return toUser(rows[0]!);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw identifierTaken();
    throw error;
  }
}

function toInvitation(row: Row): InvitationRecord {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    email: row.email as string,
    role: row.role as InvitationRecord['role'],
    invitedBy: row.invited_by as string,
    status: row.status as InvitationRecord['status'],
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
  };
}

function toKey(row: Row): SigningKeyRecord {
  return {
    kid: row.kid as string,
    privateJwk: json(row.private_jwk),
    publicJwk: json(row.public_jwk),
    createdAt: num(row.created_at),
    retiredAt: numOrNull(row.retired_at),
  };
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A database that went away becomes a 503 `store_unavailable` with a retry hint, never a crash. */
function withUnavailableErrors(store: Store): Store {
  const wrapped = {} as Store;
  for (const [name, method] of Object.entries(store) as [keyof Store, (...args: unknown[]) => Promise<unknown>][]) {
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        const code = (error as { code?: string }).code;
        const message = String((error as Error).message ?? '');
        if ((code && UNAVAILABLE.has(code)) || /connection|terminat|closed|timeout/i.test(message)) {
          throw storeUnavailable(error);
        }
        throw error;
      }
    };
  }
  return wrapped;
}
