import { describe, expect, it } from 'vitest';
import { Browser, URL_BASE, testServer } from '../../test/harness';

describe('hosted organization pages', () => {
  it('create an organization with a plain form, then show it to its members only', async () => {
    const { server } = testServer();
    const admin = new Browser(server, URL_BASE);
    await admin.fetch('/sign-up', { form: { email: 'boss@example.com', password: 'lighthouse tangerine 7' } });
    const created = await admin.fetch('/organizations/new', { form: { name: 'Umbrella Corp' } });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/organizations/umbrella-corp');
    const profile = await (await admin.fetch('/organizations/umbrella-corp')).text();
    expect(profile).toContain('Umbrella Corp');
    expect(profile).toContain('Add a member');

    const member = new Browser(server, URL_BASE);
    await member.fetch('/sign-up', { form: { email: 'worker@example.com', password: 'lighthouse tangerine 7' } });
    const hidden = await member.fetch('/organizations/umbrella-corp');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('boss@example.com');

    await admin.fetch('/organizations/umbrella-corp/add', { form: { email: 'worker@example.com' } });
    const asMember = await (await member.fetch('/organizations/umbrella-corp')).text();
    expect(asMember).toContain('worker@example.com');
    expect(asMember).not.toContain('Add a member');
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
