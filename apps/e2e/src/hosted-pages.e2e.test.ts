import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { enterEmailCode } from './mailbox';
import { freePort, start, type Started } from './processes';

const cli = createRequire(import.meta.url)
  .resolve('@orbital/server/package.json')
  .replace(/package\.json$/, 'dist/cli.js');

async function signUp(page: Page, base: string, firstName: string, email: string, password: string) {
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await enterEmailCode(page, base, email);
  await page.waitForURL(`${base}/user`);
}

describe('the standalone auth server in a real browser', () => {
  let server: Started;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let base: string;
  /** Ports of the plain pages on another site (127.0.0.1): the auth server trusts them only because they are listed. */
  let sitePorts: number[];
  const dataDir = mkdtempSync(join(tmpdir(), 'orbital-e2e-'));
  const startServer = (port: number) =>
    start(process.execPath, [cli, '--port', String(port), '--data-dir', join(dataDir, 'data')], {
      ready: /Point an app at it/,
      // the script-tag page on localhost (same site, another port), the cross-site app on 127.0.0.1
      env: { ORBITAL_TRUSTED_ORIGINS: `http://localhost:${sitePorts[0]},http://127.0.0.1:${sitePorts[1]}` },
    });

  beforeAll(async () => {
    const port = await freePort();
    sitePorts = [await freePort(), await freePort()];
    base = `http://localhost:${port}`;
    server = await startServer(port);
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the publishable key and how to point an app at it', () => {
    expect(server.output()).toMatch(/NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=pk_test_/);
    expect(server.output()).toMatch(/embedded PGlite/);
  });

  it('signs up, signs out and signs in through the hosted pages', async () => {
    const page = await context.newPage();
    await signUp(page, base, 'Ada', 'ada@example.com', 'analytical engine 1843');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ada');
    const cookies = await context.cookies(base);
    const client = cookies.find((c) => c.name.startsWith('__client_') && !c.name.startsWith('__client_uat'));
    expect(client).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('button', { name: 'Sign out of all accounts' }).click();
    await page.waitForURL(`${base}/sign-in`);

    await page.getByLabel('Email address').fill('ada@example.com');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email or password is incorrect');

    await page.getByLabel('Password').fill('analytical engine 1843');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/user`);
    await expect.poll(() => page.getByText('ada@example.com').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(tmpdir(), 'orbital-user-page.png'), fullPage: true });
  });

  it('keeps accounts across a restart of the server (the embedded store is on disk)', async () => {
    await server.stop();
    server = await startServer(Number(new URL(base).port));
    const page = await context.newPage();
    await page.goto(`${base}/user`);
    // still signed in: the session and the signing key survived in PGlite
    await expect.poll(() => page.getByText('ada@example.com').first().isVisible()).toBe(true);
  });

  it('works from plain JavaScript through the script-tag build (window.Orbital)', async () => {
    const publishableKey = /NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=(pk_test_\S+)/.exec(server.output())![1]!;
    const script = readFileSync(createRequire(import.meta.url).resolve('@orbital/core/orbital.browser.js'), 'utf8');
    const site = createServer((req, res) => {
      if (req.url === '/orbital.browser.js')
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><title>plain</title><script src="/orbital.browser.js" data-orbital-publishable-key="${publishableKey}"></script><p id="who">…</p>`,
        );
    });
    await new Promise<void>((resolve) => site.listen(sitePorts[0], '127.0.0.1', resolve));
    const sitePort = (site.address() as { port: number }).port;
    try {
      const page = await context.newPage();
      await page.goto(`http://localhost:${sitePort}/`);
      const email = await page.evaluate(async () => {
        const orbital = (
          window as unknown as {
            Orbital: {
              load(): Promise<void>;
              signIn(c: object): Promise<unknown>;
              getSnapshot(): { user: { email: string } | null };
              getToken(): Promise<string | null>;
            };
          }
        ).Orbital;
        await orbital.load();
        await orbital.signIn({ identifier: 'ada@example.com', password: 'analytical engine 1843' });
        const token = await orbital.getToken();
        return `${orbital.getSnapshot().user?.email} ${token?.split('.').length}`;
      });
      expect(email).toBe('ada@example.com 3');
      // the page's own origin got the session cookie
      const cookies = await context.cookies(`http://localhost:${sitePort}`);
      expect(cookies.some((c) => c.name.startsWith('__session_'))).toBe(true);
    } finally {
      site.close();
    }
  });

  it('development: an app on another site syncs through URLs, with no third-party cookie', async () => {
    const publishableKey = /NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=(pk_test_\S+)/.exec(server.output())![1]!;
    const script = readFileSync(createRequire(import.meta.url).resolve('@orbital/core/orbital.browser.js'), 'utf8');
    const site = createServer((req, res) => {
      if (req.url === '/orbital.browser.js')
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><title>cross-site</title><script src="/orbital.browser.js" data-orbital-publishable-key="${publishableKey}"></script>`,
        );
    });
    await new Promise<void>((resolve) => site.listen(sitePorts[1], '127.0.0.1', resolve));
    // 127.0.0.1 and localhost are different sites: the auth server's cookies never reach this page's requests.
    const app = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    type Api = {
      load(): Promise<void>;
      signIn(c: object): Promise<unknown>;
      getSnapshot(): { sessions: Array<{ user: { email: string } }>; user: { email: string } | null };
      redirectToSignIn(): Promise<unknown>;
    };
    try {
      const page = await context.newPage();
      await page.goto(`${app}/`);
      const signedIn = await page.evaluate(async () => {
        const orbital = (window as unknown as { Orbital: Api }).Orbital;
        await orbital.load();
        await orbital.signIn({ identifier: 'ada@example.com', password: 'analytical engine 1843' });
        return orbital.getSnapshot().user?.email;
      });
      expect(signedIn).toBe('ada@example.com');
      expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('__orbital_db_')))).toBe(
        true,
      );

      await page.reload();
      expect(
        await page.evaluate(async () => {
          const orbital = (window as unknown as { Orbital: Api }).Orbital;
          await orbital.load();
          return orbital.getSnapshot().user?.email;
        }),
      ).toBe('ada@example.com');

      // the hosted sign-in page on the other site knows this browser from the token in the URL
      await page.evaluate(() => void (window as unknown as { Orbital: Api }).Orbital.redirectToSignIn());
      // signed in already: the sign-in page opens the account chooser, which offers to add one
      await page.waitForURL((u) => u.origin === base && u.pathname === '/sign-in/choose');
      expect(page.url()).toContain('__orbital_db=');
      await expect.poll(() => page.getByRole('button', { name: /Ada/ }).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Add another account' }).click();
      await expect.poll(() => page.getByText(/Signed in as Ada/).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Sign up' }).click();
      await page.getByLabel('First name').fill('Linus');
      await page.getByLabel('Email address').fill('linus@example.com');
      await page.getByLabel('Password').fill('penguin kernel 1991');
      await page.getByRole('button', { name: 'Create account' }).click();
      await enterEmailCode(page, base, 'linus@example.com');
      await page.waitForURL((u) => u.origin === app);
      const after = await page.evaluate(async () => {
        const orbital = (window as unknown as { Orbital: Api }).Orbital;
        await orbital.load();
        return {
          sessions: orbital
            .getSnapshot()
            .sessions.map((s) => s.user.email)
            .sort(),
          url: location.href,
        };
      });
      expect(after.sessions).toEqual(['ada@example.com', 'linus@example.com']);
      expect(after.url).not.toContain('__orbital_db'); // removed from the address bar on arrival
    } finally {
      site.close();
    }
  });

  it('adds a second account and switches through the account chooser', async () => {
    const page = await context.newPage();
    await signUp(page, base, 'Grace', 'grace@example.com', 'compiler pioneer 1952');

    await page.goto(`${base}/sign-in/choose`);
    await page.getByRole('button', { name: /Ada/ }).click();
    await page.waitForURL(`${base}/user`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ada');
  });
});
