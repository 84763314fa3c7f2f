import type { SqlClient, SqlExecutor } from '../sql-client';
import { slugTaken, type MembershipRecord, type OrganizationRecord, type UserMembership } from '../types';
import { isUniqueViolation, joinedOrganization, one, toMembership, toOrganization } from './rows';

/** The organization and its creator's admin membership, together. */
export async function createOrganization(
  db: SqlClient,
  organization: OrganizationRecord,
  creatorId: string,
): Promise<OrganizationRecord> {
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
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
  return organization;
}

export async function findOrganization(db: SqlExecutor, id: string): Promise<OrganizationRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_organizations WHERE id = $1', [id]));
  return row && toOrganization(row);
}

export async function findOrganizationBySlug(db: SqlExecutor, slug: string): Promise<OrganizationRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_organizations WHERE slug = $1', [slug]));
  return row && toOrganization(row);
}

export async function renameOrganization(db: SqlExecutor, id: string, name: string): Promise<void> {
  await db.query('UPDATE orbital_organizations SET name = $2 WHERE id = $1', [id, name]);
}

export function deleteOrganization(db: SqlClient, id: string): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.query('UPDATE orbital_sessions SET active_organization_id = NULL WHERE active_organization_id = $1', [id]);
    await tx.query('DELETE FROM orbital_organizations WHERE id = $1', [id]);
  });
}

export async function listMembers(db: SqlExecutor, organizationId: string): Promise<MembershipRecord[]> {
  const rows = await db.query(
    'SELECT * FROM orbital_memberships WHERE organization_id = $1 ORDER BY created_at, user_id',
    [organizationId],
  );
  return rows.map(toMembership);
}

export async function listUserMemberships(db: SqlExecutor, userId: string): Promise<UserMembership[]> {
  const rows = await db.query(
    `SELECT m.*, o.name, o.slug, o.created_at AS organization_created_at FROM orbital_memberships m
     JOIN orbital_organizations o ON o.id = m.organization_id WHERE m.user_id = $1 ORDER BY m.created_at, o.id`,
    [userId],
  );
  return rows.map((row) => ({ ...toMembership(row), organization: joinedOrganization(row) }));
}

export async function putMembership(db: SqlExecutor, m: MembershipRecord): Promise<void> {
  await db.query(
    `INSERT INTO orbital_memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [m.organizationId, m.userId, m.role, m.createdAt],
  );
}

export function removeMembership(db: SqlClient, organizationId: string, userId: string): Promise<void> {
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
}

export async function setSessionOrganization(
  db: SqlExecutor,
  sessionId: string,
  organizationId: string | null,
): Promise<void> {
  await db.query('UPDATE orbital_sessions SET active_organization_id = $2 WHERE id = $1', [sessionId, organizationId]);
}
