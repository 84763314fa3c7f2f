import type { SqlClient, SqlExecutor } from '../sql-client';
import type { InvitationRecord, InvitationStatus, OrganizationRecord } from '../types';
import { joinedOrganization, one, toInvitation } from './rows';

export async function createInvitation(db: SqlExecutor, i: InvitationRecord): Promise<void> {
  await db.query(
    'INSERT INTO orbital_invitations (id, organization_id, email, role, invited_by, status, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [i.id, i.organizationId, i.email, i.role, i.invitedBy, i.status, i.createdAt, i.expiresAt],
  );
}

export async function findInvitation(db: SqlExecutor, id: string): Promise<InvitationRecord | null> {
  const row = await one(db.query('SELECT * FROM orbital_invitations WHERE id = $1', [id]));
  return row && toInvitation(row);
}

export async function listPendingInvitations(
  db: SqlExecutor,
  by: { organizationId: string } | { email: string },
  now: number,
): Promise<Array<InvitationRecord & { organization: OrganizationRecord }>> {
  const [column, value] = 'email' in by ? ['i.email', by.email] : ['i.organization_id', by.organizationId];
  const rows = await db.query(
    `SELECT i.*, o.name, o.slug, o.created_at AS organization_created_at FROM orbital_invitations i
     JOIN orbital_organizations o ON o.id = i.organization_id
     WHERE ${column} = $1 AND i.status = 'pending' AND i.expires_at > $2 ORDER BY i.created_at, i.id`,
    [value, now],
  );
  return rows.map((row) => ({ ...toInvitation(row), organization: joinedOrganization(row) }));
}

export function closeInvitation(
  db: SqlClient,
  id: string,
  status: Exclude<InvitationStatus, 'pending'>,
  now: number,
  member?: { userId: string },
): Promise<boolean> {
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
}
