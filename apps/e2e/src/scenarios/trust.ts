import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generateSigningKeyPair } from '@orbital/core/server';
import type { AppStarter, RunningApp } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';
import { enterEmailCode } from '../mailbox';

const TRANSIENT = /__orbital_(handshake|sync|db)=/;
/** Another app of the same instance, listed on the auth server: tokens can be minted for it. */
const OTHER_APP = 'http://other.test:4311';

/**
 * What an attacker can send an app — forwarded headers, crafted links — and what a developer sees
 * when the app is misconfigured, in every framework's demo.
 */
export function describeTrustScenarios(framework: string, startApp: AppStarter): void {
  describe.concurrent(`${framework}: hostile input and visible causes`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let d: ReturnType<typeof driver>;

    beforeAll(async () => {
      app = await startApp({ env: { ORBITAL_TRUSTED_ORIGINS: OTHER_APP } });
      d = driver(app);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    /** A session token for the signed-in browser, minted by the auth server for another origin. */
    async function tokenFor(context: BrowserContext, origin: string): Promise<string> {
      const cookie = (await context.cookies(app.baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
      const { client } = (await (await fetch(d.url('/api/auth/v1/client'), { headers: { cookie } })).json()) as {
        client: { sessions: Array<{ id: string }> };
      };
      const id = client.sessions[0]!.id;
      const minted = await fetch(d.url(`/api/auth/v1/client/sessions/${id}/tokens`), {
        method: 'POST',
        headers: { cookie, origin },
      });
      if (minted.status !== 200) throw new Error(`The auth server minted no token for ${origin}: ${minted.status}`);
      return ((await minted.json()) as { jwt: string }).jwt;
    }

    it('a forged X-Forwarded-Host cannot make the app accept a token minted for another site', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser('Mallory'));
      const theirs = await tokenFor(context, OTHER_APP);
      const plain = await fetch(d.url('/api/me'), { headers: { authorization: `Bearer ${theirs}` } });
      const forged = await fetch(d.url('/api/me'), {
        headers: { authorization: `Bearer ${theirs}`, 'x-forwarded-host': new URL(OTHER_APP).host },
      });
      expect([plain.status, forged.status]).toEqual([401, 401]);
    });

    it('a client cookie planted before sign-up names nothing of the new account (no session fixation)', async ({
      expect,
    }) => {
      const context = await browser.freshContext();
      const attacker = await browser.freshContext();
      await d.signUp(await attacker.newPage(), newUser('Mallory'));
      const planted = (await attacker.cookies(app.baseUrl)).find((c) => /^__client_[0-9a-f]{8}$/.test(c.name))!;
      await attacker.close();
      await context.addCookies([{ name: planted.name, value: planted.value, url: app.baseUrl }]);
      const victim = newUser('Victor');
      await d.signUp(await context.newPage(), victim);
      const after = (await context.cookies(app.baseUrl)).find((c) => c.name === planted.name)!;
      expect(after.value).not.toBe(planted.value);
      expect(after.httpOnly).toBe(true);
      const seen = await (
        await fetch(d.url('/api/auth/v1/client'), { headers: { cookie: `${planted.name}=${planted.value}` } })
      ).text();
      expect(seen).not.toContain(victim.email);
    });

    it('a crafted "signed out" link changes nothing for a signed-in user', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser('Eve'));
      await page.goto(d.url('/dashboard?__orbital_sync=signed-out'));
      expect((await d.who(page)).server).toMatch(/^server: user_/);
      await expect.poll(() => page.url()).not.toMatch(TRANSIENT);
    });

    it('no spent parameter survives into the address bar or a sign-in return URL', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await page.goto(d.url('/dashboard?tab=1&__orbital_handshake=not-a-payload'));
      await page.waitForURL((u) => u.pathname.startsWith('/sign-in'));
      expect(decodeURIComponent(page.url())).not.toMatch(TRANSIENT);
      expect(new URL(page.url()).searchParams.get('redirect_url')).toBe(d.url('/dashboard?tab=1'));
    });
  });

  describe.concurrent(`${framework}: a production server with a broken publishable key`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      const broken = 'pk_live_not-a-key';
      app = await startApp({
        env: {
          NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY: broken,
          VITE_ORBITAL_PUBLISHABLE_KEY: broken,
          NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY: broken,
        },
      });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('shows visitors a page that says sign-in is not set up, and the operator the cause in the log', async ({
      expect,
    }) => {
      const page = await browser.context.newPage();
      const response = await page.goto(driver(app).url('/dashboard'));
      expect(response?.status()).toBe(500);
      expect(await page.textContent('body')).toContain('Signing in is not set up on this site yet');
      expect(await page.textContent('body')).toContain('publishable_key_invalid');
      expect(app.output()).toContain('is not a valid Orbital publishable key');
      await page.close();
    });
  });

  describe.concurrent(`${framework}: keys that do not match, in development`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      const foreign = await generateSigningKeyPair('ES256');
      app = await startApp({ env: { ORBITAL_JWT_KEY: JSON.stringify({ keys: [foreign.publicJwk] }) } });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('show the developer the cause in the page and the console, not a silent sign-out', async ({ expect }) => {
      const d = driver(app);
      const page: Page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(d.url('/sign-up'));
      const kim = newUser('Kim');
      await page.getByLabel('First name').fill(kim.firstName);
      await page.getByLabel('Email address').fill(kim.email);
      await page.getByLabel('Password').fill(kim.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await enterEmailCode(page, d.url('/api/auth'), kim.email);
      const banner = page.getByTestId('orbital-dev-banner');
      await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('keys do not match');
      expect(errors.join('\n')).toContain('keys do not match');
      await banner.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => banner.count()).toBe(0);
    });
  });
}
