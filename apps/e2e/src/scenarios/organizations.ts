import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AppStarter, RunningApp } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';

/** Organizations through the prebuilt switcher and the hosted organization pages. */
export function describeOrganizationScenarios(framework: string, startApp: AppStarter): void {
  describe.concurrent(`${framework}: organizations`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let d: ReturnType<typeof driver>;

    beforeAll(async () => {
      app = await startApp({});
      d = driver(app);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('creates an organization, switches to it, sees org_id on the server, and refuses admin actions to a member', async ({
      expect,
    }) => {
      const ada = newUser('Ada');
      const bob = newUser('Bob');
      const bobContext = await browser.freshContext();
      const bobPage = await bobContext.newPage();
      await d.signUp(bobPage, bob);

      const adaContext = await browser.freshContext();
      const page = await adaContext.newPage();
      await d.signUp(page, ada);
      await page.goto(d.url('/dashboard'));
      expect(await page.getByTestId('server-org').textContent()).toBe('org: none');

      await page.getByRole('button', { name: 'Personal account' }).click();
      await page.getByRole('menuitem', { name: 'Create organization' }).click();
      await page.getByLabel('Name').fill('Analytical Engines');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.waitForURL(d.url('/dashboard'));

      await page.getByRole('button', { name: 'Personal account' }).click();
      await page.getByRole('menuitem', { name: /Analytical Engines/ }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Analytical Engines' }).isVisible()).toBe(true);
      await page.reload();
      await expect.poll(() => page.getByTestId('server-org').textContent()).toMatch(/^org: org_\S+ \(admin\)$/);

      // Ada invites Bob on the hosted profile page: pending until he accepts
      await page.getByRole('button', { name: 'Analytical Engines' }).click();
      await page.getByRole('menuitem', { name: 'Manage organization' }).click();
      await page.getByLabel('Email address').fill(bob.email);
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect.poll(() => page.getByText('Pending invitations').isVisible()).toBe(true);
      const profileUrl = page.url().split('?')[0]!;

      // Bob finds the invitation in the organization switcher, joins, and acts for it as a member;
      // admin actions are refused on the server
      await bobPage.goto(d.url('/dashboard'));
      await bobPage.getByRole('button', { name: 'Personal account' }).click();
      await bobPage.getByRole('menuitem', { name: /^Join Analytical Engines/ }).click();
      await bobPage.getByRole('button', { name: 'Personal account' }).click();
      await bobPage.getByRole('menuitem', { name: /^Analytical Engines \(member\)/ }).click();
      await expect.poll(() => bobPage.getByRole('button', { name: 'Analytical Engines' }).isVisible()).toBe(true);
      await bobPage.reload();
      await expect.poll(() => bobPage.getByTestId('server-org').textContent()).toMatch(/\(member\)$/);
      await bobPage.goto(profileUrl);
      expect(await bobPage.getByRole('button', { name: 'Rename' }).count()).toBe(0);
      // posting the admin form anyway, from the app (the hosted page's CSP allows no scripts to fetch)
      await bobPage.goto(d.url('/'));
      const status = await bobPage.evaluate(
        async (url) =>
          (await fetch(`${url}/rename`, { method: 'POST', body: new URLSearchParams({ name: 'Hijacked' }) })).status,
        profileUrl,
      );
      expect(status).toBe(403);
    });
  });
}
