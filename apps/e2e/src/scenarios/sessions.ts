import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AppStarter, RunningApp } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';

/**
 * The session scenarios every framework's demo must pass. A framework's test file calls this with
 * its app starter; the scenarios know the app only through the driver's conventions.
 */
export function describeSessionScenarios(framework: string, startApp: AppStarter): void {
  describe.concurrent(`${framework}: sign-up, sign-in, protected pages, accounts`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let d: ReturnType<typeof driver>;

    beforeAll(async () => {
      app = await startApp({ tokenTtl: 10 });
      d = driver(app);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('signs up with the prebuilt component; server and client agree on the user', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser());
      const who = await d.who(page);
      expect(who.server).toMatch(/^server: user_/);
      expect(who.client).toBe(who.server.replace('server', 'client'));
    });

    it('renders the signed-in state in the first HTML byte: no flash of signed-out content', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser());
      await page.goto(d.url('/dashboard'));
      // the same request a reload makes, read as raw HTML before any script runs
      const html = await (
        await context.request.get(d.url('/dashboard'), {
          headers: { 'sec-fetch-dest': 'document', accept: 'text/html' },
        })
      ).text();
      // (React separates adjacent text nodes with an empty comment)
      expect(html).toMatch(/server: (<!-- -->)?user_/);
      expect(html).toMatch(/client: (<!-- -->)?user_/); // a client component, rendered on the server from the initial state
      expect(html).not.toMatch(/client: (<!-- -->)?(loading|signed out)/);
    });

    it('signs in (after a wrong password) and lands where it was going', async ({ expect }) => {
      const context = await browser.freshContext();
      const user = newUser('Grace');
      const page = await context.newPage();
      await d.signUpThenSignOut(page, user);

      await page.goto(d.url('/dashboard'));
      await page.waitForURL((u) => u.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('redirect_url')).toBe(d.url('/dashboard'));
      await d.fillSignIn(page, user.email, 'not the password');
      await expect.poll(() => page.getByText('Email or password is incorrect').isVisible()).toBe(true);
      await d.fillSignIn(page, user.email, user.password);
      await page.waitForURL(d.url('/dashboard'));
      expect((await d.who(page)).server).toMatch(/^server: user_/);
    });

    it('keeps the session alive past several token lifetimes while the page is open, refreshing once per browser', async ({
      expect,
    }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser());
      await page.goto(d.url('/dashboard'));
      const second = await context.newPage(); // another tab of the same browser
      await second.goto(d.url('/'));
      const seen = new Set<string>();
      const tokenRequests: string[] = [];
      context.on('request', (r) => r.url().endsWith('/tokens') && tokenRequests.push(r.url()));
      // Two 10-second token lifetimes with the page open (time that must pass), and by then a third token.
      const start = Date.now();
      await expect
        .poll(
          async () => {
            const cookie = await d.sessionCookie(context);
            if (cookie) seen.add(cookie);
            return Date.now() - start > 20_000 ? seen.size : 0;
          },
          { timeout: 45_000, interval: 500 },
        )
        .toBeGreaterThanOrEqual(3);
      // one refresh per lifetime for the browser, not one per tab
      expect(tokenRequests.length).toBeLessThanOrEqual(seen.size + 2);
      await page.getByRole('button', { name: 'Call /api/me' }).click();
      await expect.poll(() => page.getByTestId('api-me').textContent()).toMatch(/"userId":"user_/);
      await page.reload();
      expect(page.url()).toBe(d.url('/dashboard'));
    });

    it('holds two accounts, switches between them, and signing out of one lands on the chooser', async ({ expect }) => {
      const context = await browser.freshContext();
      const ada = newUser('Ada');
      const bob = newUser('Bob');
      const page = await context.newPage();
      await d.signUp(page, ada);
      const adaId = (await d.who(page)).server;
      await d.signUp(page, bob); // multi-session: a second account on the same browser
      const bobId = (await d.who(page)).server;
      expect(bobId).not.toBe(adaId);

      await page.goto(d.url('/dashboard'));
      await page.getByRole('button', { name: `Switch to ${ada.email}` }).click();
      await expect.poll(async () => (await d.who(page)).server).toBe(adaId);
      await expect.poll(async () => (await d.who(page)).client).toBe(adaId.replace('server', 'client'));

      await (await d.openUserMenu(page)).getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/sign-in/choose');
      await expect.poll(() => page.getByRole('button', { name: new RegExp(bob.firstName) }).isVisible()).toBe(true);
      await page.getByRole('button', { name: new RegExp(bob.firstName) }).click();
      await page.waitForURL(d.url('/dashboard'));
      expect((await d.who(page)).server).toBe(bobId);
    });

    it('after a switch in one tab, another open tab renders its server part again, without a reload', async ({
      expect,
    }) => {
      const context = await browser.freshContext();
      const ada = newUser('Ada');
      const bob = newUser('Bob');
      const page = await context.newPage();
      await d.signUp(page, ada);
      const adaId = (await d.who(page)).server;
      await d.signUp(page, bob);
      const other = await context.newPage();
      await other.goto(d.url('/dashboard'));
      const bobId = (await d.who(other)).server;
      expect(bobId).not.toBe(adaId);

      await page.goto(d.url('/dashboard'));
      await page.getByRole('button', { name: `Switch to ${ada.email}` }).click();
      await expect.poll(async () => (await d.who(page)).server).toBe(adaId);
      await expect.poll(async () => (await d.who(other)).server, { timeout: 15_000 }).toBe(adaId);
    });

    it('signs out of all accounts, and a second tab follows without a reload', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser('Ada'));
      await d.signUp(page, newUser('Bob'));
      const other = await context.newPage();
      await other.goto(d.url('/'));
      expect((await d.who(other)).client).toMatch(/^client: user_/);

      await (await d.openUserMenu(page)).getByRole('menuitem', { name: 'Sign out of all accounts' }).click();
      // already on "/": the page reloads in place, so wait for what it shows rather than for the URL
      await expect.poll(() => d.who(page)).toEqual({ server: 'server: signed out', client: 'client: signed out' });
      await expect.poll(async () => (await d.who(other)).client).toBe('client: signed out');
      await other.goto(d.url('/dashboard'));
      await other.waitForURL((u) => u.pathname === '/sign-in');
    });

    it('signs out of all accounts from the chooser with one navigation', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser('Ada'));
      await d.signUp(page, newUser('Bob'));
      await page.goto(d.url('/sign-in/choose'));
      const signOutAll = page.getByRole('button', { name: 'Sign out of all accounts' });
      await expect.poll(() => signOutAll.isEnabled()).toBe(true);
      const documents: string[] = [];
      page.on(
        'request',
        (request) =>
          request.isNavigationRequest() &&
          request.frame() === page.mainFrame() &&
          documents.push(new URL(request.url()).pathname),
      );
      await signOutAll.click();
      await expect.poll(() => d.who(page)).toEqual({ server: 'server: signed out', client: 'client: signed out' });
      expect(documents).toEqual(['/']);
    });

    it('refuses a tampered or replayed handshake payload with no redirect loop', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser());
      const docs: string[] = [];
      page.on('request', (r) => r.isNavigationRequest() && docs.push(r.url()));
      await page.goto(d.url('/?__orbital_handshake=eyJhbGciOiJSUzI1NiJ9.eyJ0eXAiOiJoYW5kc2hha2UifQ.c2ln'));
      // the forged payload changes nothing: the session cookie still decides, and the page renders once
      expect((await d.who(page)).server).toMatch(/^server: user_/);
      expect(docs).toHaveLength(1);
    });

    it('answers an API request without a session with 401, never a redirect', async ({ expect }) => {
      const context = await browser.freshContext();
      const response = await context.request.get(d.url('/api/me'), { maxRedirects: 0 });
      expect(response.status()).toBe(401);
      // the stable code, in the framework's own error envelope (Nitro nests it under `data`)
      expect(JSON.stringify(await response.json())).toContain('"code":"unauthorized"');
      // headers a client makes up are replaced by the middleware's own verdict
      const spoofed = await context.request.get(d.url('/'), {
        headers: { 'x-orbital-auth-status': 'signed-in', 'x-orbital-auth-token': 'forged' },
      });
      expect(await spoofed.text()).toContain('server: signed out');
    });
  });

  describe.concurrent(`${framework}: session lifetime`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let d: ReturnType<typeof driver>;

    // Short lifetimes, so they end within a test: tokens of 5 s (the shortest allowed; apps accept
    // them 5 s longer for clock skew), refreshed every 2.5 s; 8 s of inactivity; 24 s in all.
    const lifetime = { tokenTtl: 5, inactivityTimeout: 8, maximumLifetime: 24 };

    beforeAll(async () => {
      app = await startApp(lifetime);
      d = driver(app);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it('ends a session after the inactivity timeout once the app is closed', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      await d.signUp(page, newUser());
      await page.close(); // no open page: nothing refreshes the token
      // Waits for the two events, not for a guess at them: asking changes nothing (no token is minted).
      await expect
        .poll(
          async () => {
            const { client } = await (await context.request.get(d.url('/api/auth/v1/client'))).json();
            return client?.sessions.length ?? 0;
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(0);
      await expect
        .poll(async () => (await context.request.get(d.url('/api/me'), { maxRedirects: 0 })).status(), {
          timeout: 30_000,
          interval: 500,
        })
        .toBe(401);
      const again = await context.newPage();
      await again.goto(d.url('/dashboard'));
      await again.waitForURL((u) => u.pathname === '/sign-in');
      await context.close();
    });

    it('keeps an open app signed in past the inactivity timeout, but not past the maximum lifetime', async ({
      expect,
    }) => {
      const page = await browser.context.newPage();
      await d.signUp(page, newUser());
      const signedUpAt = Date.now();
      await page.goto(d.url('/dashboard'));
      // Past the inactivity timeout counted from the sign-up, refreshing all along; the maximum
      // lifetime is 14 s further, so a slow reload cannot run into it.
      await page.waitForTimeout(Math.max(0, signedUpAt + (lifetime.inactivityTimeout + 2) * 1000 - Date.now()));
      await page.reload();
      expect(page.url()).toBe(d.url('/dashboard'));
      expect((await d.who(page)).server).toMatch(/^server: user_/);
      // At the maximum lifetime the open page's next refresh is refused: it notices by itself.
      await expect
        .poll(() => d.who(page).then((w) => w.client), { timeout: 40_000, interval: 500 })
        .toBe('client: signed out');
      await page.goto(d.url('/dashboard'));
      await page.waitForURL((u) => u.pathname === '/sign-in');
    });
  });
}
