import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AppStarter, RunningApp } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';
import { codeFromMailbox } from '../mailbox';

/**
 * Codes over email in every demo: sign-up with a wrong code first, a forgotten password reset from
 * the app's own sign-in page, and an email change on the account page. Mail is read from the
 * development mailbox of the demo's auth server.
 */
export function describeEmailScenarios(framework: string, startApp: AppStarter): void {
  describe.concurrent(`${framework}: verified email and account recovery`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let d: ReturnType<typeof driver>;
    const auth = () => d.url('/api/auth');

    beforeAll(async () => {
      app = await startApp({});
      d = driver(app);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('signs up only once the emailed code is entered; a wrong code says so, with the tries left', async ({
      expect,
    }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const ada = newUser('Ada');
      await page.goto(d.url('/sign-up'));
      await page.getByLabel('First name').fill(ada.firstName);
      await page.getByLabel('Email address').fill(ada.email);
      await page.getByLabel('Password').fill(ada.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByLabel('Verification code').waitFor();
      expect(await page.textContent('body')).toContain(`We sent a six-digit code to ${ada.email}.`);
      const code = await codeFromMailbox(page, auth(), ada.email);
      await page.getByLabel('Verification code').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Verify email' }).click();
      await expect
        .poll(() => page.getByRole('alert').filter({ hasText: 'That code is not right' }).textContent())
        .toMatch(/4 attempts left/);
      // Nothing exists yet: the auth server holds no session for this browser.
      const { client } = await (await context.request.get(`${auth()}/v1/client`)).json();
      expect(client?.sessions ?? []).toEqual([]);
      await page.getByLabel('Verification code').fill(code);
      await page.getByRole('button', { name: 'Verify email' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-up'));
      expect((await d.who(page)).server).toMatch(/^server: user_/);
      await context.close();
    });

    it('resets a forgotten password from the sign-in page and comes back signed in', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const bob = newUser('Bob');
      await d.signUpThenSignOut(page, bob);
      await page.goto(d.url('/sign-in?redirect_url=%2Fdashboard'));
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email address').fill(bob.email);
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByLabel('Verification code').fill(await codeFromMailbox(page, auth(), bob.email));
      await page.getByLabel('New password').fill('a brand new passphrase 7');
      await page.getByRole('button', { name: 'Set new password' }).click();
      await page.waitForURL(d.url('/dashboard'));
      expect((await d.who(page)).server).toMatch(/^server: user_/);

      const elsewhere = await (await browser.freshContext()).newPage();
      await elsewhere.goto(d.url('/sign-in'));
      await d.fillSignIn(elsewhere, bob.email, bob.password);
      await expect.poll(() => elsewhere.getByRole('alert').filter({ hasText: 'incorrect' }).isVisible()).toBe(true);
      await d.fillSignIn(elsewhere, bob.email, 'a brand new passphrase 7');
      await elsewhere.waitForURL((u) => u.pathname !== '/sign-in');
      await elsewhere.context().close();
      await context.close();
    });

    it('changes the email on the account page once the new address is verified', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const cleo = newUser('Cleo');
      const newEmail = `new.${cleo.email}`;
      await d.signUp(page, cleo);
      await (await d.openUserMenu(page)).getByRole('menuitem', { name: 'Manage account' }).click();
      await page.getByLabel('New email address').fill(newEmail);
      await page.getByRole('button', { name: 'Change email' }).click();
      await page.getByLabel('Verification code').fill(await codeFromMailbox(page, auth(), newEmail));
      await page.getByRole('button', { name: 'Verify email' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Your email address was changed.');
      expect(await page.textContent('body')).toContain(`${newEmail} (verified)`);
      await context.close();
    });
  });
}
