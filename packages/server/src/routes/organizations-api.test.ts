import { describe, expect, it, vi } from 'vitest';
import { readJwtPayload } from '@orbital/core';
import { Browser, URL_BASE, testServer } from '../../test/harness';

/** An admin invites `email`; the invitee (signed in with that address) accepts. */
async function join(admin: Browser, invitee: Browser, orgId: string, email: string, role = 'member') {
  const { body } = await admin.json(`/v1/organizations/${orgId}/invitations`, { json: { email, role } });
  return invitee.json(`/v1/me/invitations/${body.invitation.id}/accept`, { method: 'POST' });
}

async function twoUsers(overrides: Parameters<typeof testServer>[0] = {}) {
  const { server } = testServer(overrides);
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
    for (const body of [
      { name: 'x' },
      { name: 'Fine', slug: 'No Spaces' },
      { name: 'Fine', slug: '-x-' },
      { name: 'Acme Inc.' },
    ]) {
      const result = await admin.json('/v1/organizations', { json: body });
      expect(result.status).toBe(422);
      expect(result.body.error.code).toMatch(/^organization_(invalid|slug_taken)$/);
    }
  });

  it('put org_id, org_slug and org_role in the token of a session acting for one', async () => {
    const { admin, adminSession, org } = await twoUsers();
    const client = (
      await admin.json(`/v1/client/sessions/${adminSession}/organization`, { json: { organizationId: org.id } })
    ).body.client;
    expect(client.sessions[0].organization).toMatchObject({ id: org.id, slug: 'acme-inc', role: 'admin' });
    const claims = readJwtPayload((await admin.token(adminSession)).body.jwt)!;
    expect(claims).toMatchObject({ org_id: org.id, org_slug: 'acme-inc', org_role: 'admin' });
    await admin.json(`/v1/client/sessions/${adminSession}/organization`, { json: { organizationId: null } });
    expect(readJwtPayload((await admin.token(adminSession)).body.jwt)!.org_id).toBeUndefined();
  });

  it('let admins invite by email and change roles; members cannot do admin things', async () => {
    const { admin, member, memberSession, org } = await twoUsers();
    expect((await join(admin, member, org.id, 'member@example.com')).status).toBe(200);

    // the member sees the organization, can act for it, and is refused admin actions
    const seen = await member.json(`/v1/organizations/${org.slug}`);
    expect(seen.body).toMatchObject({ role: 'member', organization: { id: org.id } });
    expect(seen.body.members.map((m: { user: { email: string } }) => m.user.email)).toEqual([
      'admin@example.com',
      'member@example.com',
    ]);
    await member.json(`/v1/client/sessions/${memberSession}/organization`, { json: { organizationId: org.id } });
    expect(readJwtPayload((await member.token(memberSession)).body.jwt)!.org_role).toBe('member');
    for (const [path, init] of [
      [`/v1/organizations/${org.id}`, { method: 'PATCH', json: { name: 'Mine now' } }],
      [`/v1/organizations/${org.id}`, { method: 'DELETE' }],
      [`/v1/organizations/${org.id}/invitations`, { json: { email: 'friend@example.com', role: 'admin' } }],
      [`/v1/organizations/${org.id}/invitations`, { method: 'GET' }],
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
    expect(
      (await admin.json(`/v1/organizations/${org.id}/memberships/${adminId}`, { method: 'DELETE' })).body.error.code,
    ).toBe('last_admin');
    expect(
      (
        await admin.json(`/v1/organizations/${org.id}/memberships/${adminId}`, {
          method: 'PATCH',
          json: { role: 'member' },
        })
      ).body.error.code,
    ).toBe('last_admin');
    await join(admin, member, org.id, 'member@example.com');
    expect(
      (await member.json(`/v1/organizations/${org.id}/memberships/${memberId}`, { method: 'DELETE' })).status,
    ).toBe(200);

    const stranger = new Browser(server);
    await stranger.signUp('stranger@example.com');
    const hidden = await stranger.json(`/v1/organizations/${org.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('organization_not_found');
    expect(
      (
        await stranger.json(
          `/v1/client/sessions/${(await stranger.json('/v1/client')).body.client.lastActiveSessionId}/organization`,
          { json: { organizationId: org.id } },
        )
      ).status,
    ).toBe(404);
  });

  it('are renamed and deleted by admins', async () => {
    const { admin, org } = await twoUsers();
    expect(
      (await admin.json(`/v1/organizations/${org.id}`, { method: 'PATCH', json: { name: 'Acme Corp' } })).body
        .organization.name,
    ).toBe('Acme Corp');
    expect((await admin.json(`/v1/organizations/${org.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await admin.json('/v1/me/organizations')).body.memberships).toEqual([]);
  });
});

describe('invitations', () => {
  it('answer the same whether or not an account has the address, and add nobody without consent', async () => {
    const { server, admin, org } = await twoUsers();
    const existing = await admin.json(`/v1/organizations/${org.id}/invitations`, {
      json: { email: 'member@example.com' },
    });
    const unknown = await admin.json(`/v1/organizations/${org.id}/invitations`, {
      json: { email: 'nobody@example.com' },
    });
    expect([existing.status, unknown.status]).toEqual([201, 201]);
    const shape = (body: Record<string, { invitation: object }[keyof object]> | Record<string, any>) =>
      Object.keys(body.invitation).sort();
    expect(shape(existing.body)).toEqual(shape(unknown.body));
    const detail = await admin.json(`/v1/organizations/${org.id}`);
    expect(detail.body.members.map((m: { user: { email: string } }) => m.user.email)).toEqual(['admin@example.com']);
    void server;
  });

  it('reach the invitee by email, with a link through sign-in or sign-up to accepting', async () => {
    const { server, admin, org } = await twoUsers();
    await admin.json(`/v1/organizations/${org.id}/invitations`, { json: { email: 'newcomer@example.com' } });
    const { body } = await admin.json<{ messages: Array<{ to: string; subject: string; text: string; link: string }> }>(
      '/v1/dev/mailbox',
    );
    const mail = body.messages.find((m) => m.to === 'newcomer@example.com')!;
    expect(mail.subject).toContain('Join');
    expect(mail.text).toContain('as a member');
    // Signed out, the link asks to sign in (or up, from there) and comes back to the invitation.
    const newcomer = new Browser(server, URL_BASE, '10.0.0.42');
    const link = new URL(mail.link);
    const opened = await newcomer.fetch(link.pathname + link.search);
    expect(opened.status).toBe(302);
    const signIn = new URL(opened.headers.get('location')!, URL_BASE);
    expect(signIn.pathname).toBe('/sign-in');
    // No redirect_url: the account page, where invitations are answered, is where sign-in returns by default.
    expect(signIn.searchParams.get('redirect_url')).toBeNull();
    expect(await (await newcomer.fetch(signIn.pathname + signIn.search)).text()).toContain('Sign up');
    await newcomer.signUp('newcomer@example.com');
    expect(await (await newcomer.fetch('/user')).text()).toMatch(/invites you as a member/);
  });

  it('are not left pending when the email cannot be sent: 503 email_unavailable, logged once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { admin, org } = await twoUsers({
      requireEmailVerification: false,
      email: { transport: { send: () => Promise.reject(new Error('SMTP down')) } },
    });
    const refused = await admin.json(`/v1/organizations/${org.id}/invitations`, { json: { email: 'x@example.com' } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('email_unavailable');
    expect(errors).toHaveBeenCalledTimes(1);
    expect((await admin.json(`/v1/organizations/${org.id}/invitations`)).body.invitations).toEqual([]);
    errors.mockRestore();
  });

  it('are listed to the invitee, who accepts or declines; admins list and revoke pending ones', async () => {
    const { server, admin, member, org } = await twoUsers();
    const a = (
      await admin.json(`/v1/organizations/${org.id}/invitations`, {
        json: { email: 'member@example.com', role: 'admin' },
      })
    ).body.invitation;
    const other = new Browser(server);
    await other.signUp('other@example.com');
    const b = (await admin.json(`/v1/organizations/${org.id}/invitations`, { json: { email: 'other@example.com' } }))
      .body.invitation;
    expect(
      (await admin.json(`/v1/organizations/${org.id}/invitations`)).body.invitations.map((i: { id: string }) => i.id),
    ).toEqual([a.id, b.id]);

    const mine = (await member.json('/v1/me/invitations')).body.invitations;
    expect(mine).toEqual([
      expect.objectContaining({
        id: a.id,
        role: 'admin',
        organization: expect.objectContaining({ name: 'Acme Inc.' }),
      }),
    ]);
    // someone else's invitation cannot be answered
    expect((await member.json(`/v1/me/invitations/${b.id}/accept`, { method: 'POST' })).status).toBe(404);
    const accepted = await member.json(`/v1/me/invitations/${a.id}/accept`, { method: 'POST' });
    expect(accepted.body.client.sessions[0].memberships).toEqual([expect.objectContaining({ role: 'admin' })]);
    expect((await member.json(`/v1/me/invitations/${a.id}/accept`, { method: 'POST' })).status).toBe(404); // once

    expect((await admin.json(`/v1/organizations/${org.id}/invitations/${b.id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await other.json('/v1/me/invitations')).body.invitations).toEqual([]);
    expect((await admin.json(`/v1/organizations/${org.id}/invitations`)).body.invitations).toEqual([]);
  });

  it('expire after seven days', async () => {
    const { server, clock } = testServer();
    const admin = new Browser(server);
    await admin.signUp('boss@example.com');
    const org = (await admin.json('/v1/organizations', { json: { name: 'Later Inc.' } })).body.organization;
    const invitee = new Browser(server);
    await invitee.signUp('late@example.com');
    const invitation = (
      await admin.json(`/v1/organizations/${org.id}/invitations`, { json: { email: 'late@example.com' } })
    ).body.invitation;
    clock.advance(7 * 24 * 60 * 60 + 1);
    await invitee.signIn('late@example.com');
    expect((await invitee.json('/v1/me/invitations')).body.invitations).toEqual([]);
    expect((await invitee.json(`/v1/me/invitations/${invitation.id}/accept`, { method: 'POST' })).status).toBe(404);
  });

  it('are rate limited per admin: not an account-existence oracle, not a spam cannon', async () => {
    const { admin, org } = await twoUsers();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await admin.json(`/v1/organizations/${org.id}/invitations`, { json: { email: `probe${i}@example.com` } }))
          .status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
