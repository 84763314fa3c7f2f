import { describe, expect, it } from 'vitest';
import { readJwtPayload } from '@orbital/core';
import { Browser, testServer } from '../../test/harness';

async function twoUsers() {
  const { server } = testServer();
  const admin = new Browser(server);
  const adminSession = (await admin.signUp('admin@example.com')).body.sessionId;
  const member = new Browser(server);
  const memberSession = (await member.signUp('member@example.com')).body.sessionId;
  const created = await admin.json('/v1/organizations', { json: { name: 'Acme Inc.' } });
  return { server, admin, adminSession, member, memberSession, created, org: created.body.organization };
}

describe('organizations', () => {
  it('are created by a signed-in user, who becomes admin, with a slug from the name', async () => {
    const { created, org } = await twoUsers();
    expect(created.status).toBe(201);
    expect(org).toMatchObject({ name: 'Acme Inc.', slug: 'acme-inc' });
    expect(created.body.role).toBe('admin');
  });

  it('refuse bad names, bad and taken slugs', async () => {
    const { admin } = await twoUsers();
    for (const body of [{ name: 'x' }, { name: 'Fine', slug: 'No Spaces' }, { name: 'Fine', slug: '-x-' }, { name: 'Acme Inc.' }]) {
      const result = await admin.json('/v1/organizations', { json: body });
      expect(result.status).toBe(422);
      expect(result.body.error.code).toMatch(/^organization_(invalid|slug_taken)$/);
    }
  });

  it('put org_id, org_slug and org_role in the token of a session acting for one', async () => {
    const { admin, adminSession, org } = await twoUsers();
    const client = (await admin.json(`/v1/client/sessions/${adminSession}/organization`, { json: { organizationId: org.id } })).body.client;
    expect(client.sessions[0].organization).toMatchObject({ id: org.id, slug: 'acme-inc', role: 'admin' });
    const claims = readJwtPayload((await admin.token(adminSession)).body.jwt)!;
    expect(claims).toMatchObject({ org_id: org.id, org_slug: 'acme-inc', org_role: 'admin' });
    await admin.json(`/v1/client/sessions/${adminSession}/organization`, { json: { organizationId: null } });
    expect(readJwtPayload((await admin.token(adminSession)).body.jwt)!.org_id).toBeUndefined();
  });

  it('let admins add members by email and change roles; members cannot do admin things', async () => {
    const { admin, member, memberSession, org } = await twoUsers();
    expect((await admin.json(`/v1/organizations/${org.id}/memberships`, { json: { email: 'member@example.com', role: 'member' } })).status).toBe(200);
    expect((await admin.json(`/v1/organizations/${org.id}/memberships`, { json: { email: 'nobody@example.com' } })).body.error.code).toBe('identifier_not_found');

    // the member sees the organization, can act for it, and is refused admin actions
    const seen = await member.json(`/v1/organizations/${org.slug}`);
    expect(seen.body).toMatchObject({ role: 'member', organization: { id: org.id } });
    expect(seen.body.members.map((m: { user: { email: string } }) => m.user.email)).toEqual(['admin@example.com', 'member@example.com']);
    await member.json(`/v1/client/sessions/${memberSession}/organization`, { json: { organizationId: org.id } });
    expect(readJwtPayload((await member.token(memberSession)).body.jwt)!.org_role).toBe('member');
    for (const [path, init] of [
      [`/v1/organizations/${org.id}`, { method: 'PATCH', json: { name: 'Mine now' } }],
      [`/v1/organizations/${org.id}`, { method: 'DELETE' }],
      [`/v1/organizations/${org.id}/memberships`, { json: { email: 'admin@example.com', role: 'member' } }],
    ] as const) {
      const refused = await member.json(path, init);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
  });

  it('keep the last admin, let members leave, and show strangers nothing', async () => {
    const { server, admin, member, org } = await twoUsers();
    const adminId = (await admin.json('/v1/me')).body.user.id;
    const memberId = (await member.json('/v1/me')).body.user.id;
    expect((await admin.json(`/v1/organizations/${org.id}/memberships/${adminId}`, { method: 'DELETE' })).body.error.code).toBe('last_admin');
    expect((await admin.json(`/v1/organizations/${org.id}/memberships/${adminId}`, { method: 'PATCH', json: { role: 'member' } })).body.error.code).toBe('last_admin');
    await admin.json(`/v1/organizations/${org.id}/memberships`, { json: { email: 'member@example.com' } });
    expect((await member.json(`/v1/organizations/${org.id}/memberships/${memberId}`, { method: 'DELETE' })).status).toBe(200);

    const stranger = new Browser(server);
    await stranger.signUp('stranger@example.com');
    const hidden = await stranger.json(`/v1/organizations/${org.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('organization_not_found');
    expect((await stranger.json(`/v1/client/sessions/${(await stranger.json('/v1/client')).body.client.lastActiveSessionId}/organization`, { json: { organizationId: org.id } })).status).toBe(404);
  });

  it('are renamed and deleted by admins', async () => {
    const { admin, org } = await twoUsers();
    expect((await admin.json(`/v1/organizations/${org.id}`, { method: 'PATCH', json: { name: 'Acme Corp' } })).body.organization.name).toBe('Acme Corp');
    expect((await admin.json(`/v1/organizations/${org.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await admin.json('/v1/me/organizations')).body.memberships).toEqual([]);
  });
});
