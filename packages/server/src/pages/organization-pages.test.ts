import { describe, expect, it } from 'vitest';
import { Browser, URL_BASE, testServer } from '../../test/harness';

describe('hosted organization pages', () => {
  it('create an organization with a plain form, then show it to its members only', async () => {
    const { server } = testServer();
    const admin = new Browser(server, URL_BASE);
    await admin.signUpWithForm({ email: 'boss@example.com', password: 'lighthouse tangerine 7' });
    const created = await admin.fetch('/organizations/new', { form: { name: 'Umbrella Corp' } });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/organizations/umbrella-corp');
    const profile = await (await admin.fetch('/organizations/umbrella-corp')).text();
    expect(profile).toContain('Umbrella Corp');
    expect(profile).toContain('Invite someone');

    const member = new Browser(server, URL_BASE);
    await member.signUpWithForm({ email: 'worker@example.com', password: 'lighthouse tangerine 7' });
    const hidden = await member.fetch('/organizations/umbrella-corp');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('boss@example.com');

    // an invitation, pending until the invitee accepts it on their account page
    await admin.fetch('/organizations/umbrella-corp/invite', { form: { email: 'worker@example.com', role: 'member' } });
    expect(await (await admin.fetch('/organizations/umbrella-corp')).text()).toContain('Pending invitations');
    expect((await member.fetch('/organizations/umbrella-corp')).status).toBe(404);
    const account = await (await member.fetch('/user')).text();
    expect(account).toContain('Umbrella Corp');
    const invitationId = /name="invitation_id" value="(inv_[^"]+)"/.exec(account)![1]!;
    const accepted = await member.fetch('/user/invitations/accept', { form: { invitation_id: invitationId } });
    expect(accepted.headers.get('location')).toContain('notice=accepted');
    const asMember = await (await member.fetch('/organizations/umbrella-corp')).text();
    expect(asMember).toContain('worker@example.com');
    expect(asMember).not.toContain('Invite someone');
    const refused = await member.fetch('/organizations/umbrella-corp/rename', { form: { name: 'Mine' } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Only an admin');
  });

  it('send a signed-out visitor to sign in and back', async () => {
    const response = await new Browser(testServer().server, URL_BASE).fetch('/organizations/new');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/sign-in?redirect_url=');
  });
});
