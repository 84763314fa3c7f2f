import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { createSecretKey } from '@orbital/core';
import type { BrowserContext, Page } from 'playwright-core';
import { SATELLITE_HOSTS, type PairStarter, type RunningPair } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';

/** Top-level document requests of a page, in order: the navigation budget is counted on these. */
function navigations(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) seen.push(request.url());
  });
  return seen;
}

/**
 * An account that exists on the primary, signed out, then a protected satellite page: to the
 * primary's sign-in, and back to the satellite signed in (server and client agreeing).
 */
async function signInThroughPrimary(
  expect: ExpectStatic,
  context: BrowserContext,
  primary: Driver,
  satellite: Driver,
  user: ReturnType<typeof newUser>,
) {
  await primary.signUpThenSignOut(await context.newPage(), user);
  const page = await context.newPage();
  await page.goto(satellite.url('/dashboard'));
  await page.waitForURL((u) => u.host.startsWith('primary.test') && u.pathname === '/sign-in');
  await primary.fillSignIn(page, user.email, user.password);
  await page.waitForURL(satellite.url('/dashboard'));
  const who = await satellite.who(page);
  expect(who.server).toMatch(/^server: user_/);
  expect(who.client).toBe(who.server.replace('server', 'client'));
  return { page, who };
}

type Driver = ReturnType<typeof driver>;

/**
 * One signed-in state across different sites: a primary (primary.test) and a satellite
 * (satellite.test), in a browser that blocks third-party cookies.
 */
export function describeSatelliteScenarios(framework: string, startPair: PairStarter): void {
  /** Measured navigation counts, printed for the closing note once the file's scenarios are done (they run side by side). */
  const report: string[] = [];
  afterAll(() => console.log(`\nSatellite measurements (${framework}):\n  ${report.join('\n  ')}`));

  describe.concurrent(`${framework}: satellite, sync on sign-in (satelliteAutoSync: false)`, () => {
    let pair: RunningPair;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let primary: ReturnType<typeof driver>;
    let satellite: ReturnType<typeof driver>;

    beforeAll(async () => {
      pair = await startPair({ autoSync: false, tokenTtl: 10 });
      primary = driver(pair.primary);
      satellite = driver(pair.satellite);
      browser = await launchChromium({ hosts: SATELLITE_HOSTS });
    });
    afterAll(async () => {
      await browser?.close();
      await pair?.stop();
    });

    it('costs no redirect to visit the satellite', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const docs = navigations(page);
      await page.goto(satellite.url('/'));
      expect(await satellite.who(page)).toEqual({ server: 'server: signed out', client: 'client: signed out' });
      expect(docs).toEqual([satellite.url('/')]);
      report.push(`visit, signed out, no auto-sync: ${docs.length} document request`);
    });

    it('signs in through the primary and comes back signed in, with first-party cookies', async ({ expect }) => {
      const context = await browser.freshContext();
      const { page } = await signInThroughPrimary(expect, context, primary, satellite, newUser('Sam'));
      // The browser client cleans the address bar once it runs, which may be just after the first render.
      await expect.poll(() => page.url()).not.toContain('__orbital_sync');
      const cookies = await context.cookies(pair.satellite.baseUrl);
      expect(cookies.map((c) => c.name.replace(/_[0-9a-f]{8}$/, '')).sort()).toEqual([
        '__client',
        '__client_uat',
        '__session',
      ]);
      expect(cookies.find((c) => c.name.startsWith('__client_') && !c.name.startsWith('__client_uat'))).toMatchObject({
        httpOnly: true,
        sameSite: 'Lax',
      });
    });

    it('already signed in on the primary: straight back, signed in, in two navigations', async ({ expect }) => {
      const context = await browser.freshContext();
      const setup = await context.newPage();
      await primary.signUp(setup, newUser('Fast'));
      const page = await context.newPage();
      await page.goto(satellite.url('/'));
      const docs = navigations(page);
      await satellite.signInWithButton(page);
      expect(docs.map((u) => new URL(u).host.split(':')[0])).toEqual(['primary.test', 'satellite.test']);
      report.push(
        `sign-in link while signed in on the primary: ${docs.length} navigations (sync endpoint, back to the satellite)`,
      );
      // the satellite now refreshes on its own, through its proxy, without the primary's cookies
      const refresh = page.waitForRequest(
        (r) => r.url().startsWith(satellite.url('/api/auth/v1/client/sessions/')) && r.url().endsWith('/tokens'),
        { timeout: 15_000 },
      );
      expect(new URL((await refresh).url()).host).toBe(new URL(pair.satellite.baseUrl).host);
    });

    it('a hard-coded link to the primary sign-in page still lands signed in on the satellite', async ({ expect }) => {
      const context = await browser.freshContext();
      const user = newUser('Link');
      await primary.signUpThenSignOut(await context.newPage(), user);

      const page = await context.newPage();
      await page.goto(primary.url(`/sign-in?redirect_url=${encodeURIComponent(satellite.url('/dashboard'))}`));
      await primary.fillSignIn(page, user.email, user.password);
      await page.waitForURL(satellite.url('/dashboard'));
      expect((await satellite.who(page)).server).toMatch(/^server: user_/);
    });

    it('signing out on the satellite signs out an open primary page', async ({ expect }) => {
      const context = await browser.freshContext();
      const onPrimary = await context.newPage();
      await primary.signUp(onPrimary, newUser('Out'));
      const onSatellite = await context.newPage();
      await onSatellite.goto(satellite.url('/'));
      await satellite.signInWithButton(onSatellite);

      await onSatellite.getByRole('button', { name: /^Account menu/ }).click();
      const started = Date.now();
      await onSatellite.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await expect
        .poll(() => primary.who(onPrimary).then((w) => w.client), { timeout: 20_000 })
        .toBe('client: signed out');
      report.push(
        `sign-out on the satellite reached the open primary page after ${((Date.now() - started) / 1000).toFixed(1)} s (token lifetime 10 s)`,
      );
      await onPrimary.goto(primary.url('/dashboard'));
      await onPrimary.waitForURL((u) => u.pathname === '/sign-in');
    });

    it('signing out on the primary signs out an open satellite page', async ({ expect }) => {
      const context = await browser.freshContext();
      const onPrimary = await context.newPage();
      await primary.signUp(onPrimary, newUser('Back'));
      const onSatellite = await context.newPage();
      await onSatellite.goto(satellite.url('/'));
      await satellite.signInWithButton(onSatellite);

      await onPrimary.bringToFront();
      await onPrimary.getByRole('button', { name: /^Account menu/ }).click();
      const started = Date.now();
      await onPrimary.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await expect
        .poll(() => satellite.who(onSatellite).then((w) => w.client), { timeout: 20_000 })
        .toBe('client: signed out');
      report.push(
        `sign-out on the primary reached the open satellite page after ${((Date.now() - started) / 1000).toFixed(1)} s (token lifetime 10 s)`,
      );
      await onSatellite.goto(satellite.url('/dashboard'));
      await onSatellite.waitForURL((u) => u.host.startsWith('primary.test'));
    });

    it('an app on a subdomain of the primary shares its session by default, with one handshake', async ({ expect }) => {
      const sub = driver(pair.subdomain);
      const context = await browser.freshContext();
      const setup = await context.newPage();
      await primary.signUp(setup, newUser('Sub'));
      const page = await context.newPage();
      const docs = navigations(page);
      await page.goto(sub.url('/dashboard'));
      const who = await sub.who(page);
      expect(who.server).toMatch(/^server: user_/);
      expect(who.client).toBe(who.server.replace('server', 'client'));
      expect(docs.map((u) => new URL(u).host.split(':')[0])).toEqual([
        'sub.primary.test',
        'primary.test',
        'sub.primary.test',
      ]);
      report.push(
        `subdomain app, first visit while signed in on the primary: ${docs.length - 1} navigations away and back`,
      );

      const stranger = await (await browser.freshContext()).newPage();
      const strangerDocs = navigations(stranger);
      await stranger.goto(sub.url('/'));
      expect((await sub.who(stranger)).server).toBe('server: signed out');
      await stranger.goto(sub.url('/?again=1'));
      expect(strangerDocs).toHaveLength(4); // one handshake on the first visit, none after
    });

    it('refuses tampered and replayed sync codes without a loop, and non-allowed sites', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const docs = navigations(page);
      await page.goto(satellite.url('/?__orbital_sync=forged-code'));
      expect((await satellite.who(page)).server).toBe('server: signed out');
      expect(docs).toHaveLength(1);

      const evil = await page.goto(
        primary.url(`/api/auth/v1/sync?redirect_url=${encodeURIComponent('http://evil.test/')}`),
      );
      expect(evil?.status()).toBe(400);
      expect(await page.content()).toContain('redirect_origin_not_allowed');
      expect(new URL(page.url()).host).toBe(new URL(pair.primary.baseUrl).host);
    });
  });

  describe.concurrent(`${framework}: satellite with satelliteAutoSync: true`, () => {
    let pair: RunningPair;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let primary: ReturnType<typeof driver>;
    let satellite: ReturnType<typeof driver>;

    beforeAll(async () => {
      pair = await startPair({ autoSync: true, tokenTtl: 10 });
      primary = driver(pair.primary);
      satellite = driver(pair.satellite);
      browser = await launchChromium({ hosts: SATELLITE_HOSTS });
    });
    afterAll(async () => {
      await browser?.close();
      await pair?.stop();
    });

    it('syncs on first load: signed in on the primary means signed in on arrival', async ({ expect }) => {
      const context = await browser.freshContext();
      const setup = await context.newPage();
      await primary.signUp(setup, newUser('Auto'));
      const page = await context.newPage();
      const docs = navigations(page);
      await page.goto(satellite.url('/dashboard'));
      expect((await satellite.who(page)).server).toMatch(/^server: user_/);
      expect(docs.map((u) => new URL(u).host.split(':')[0])).toEqual([
        'satellite.test',
        'primary.test',
        'satellite.test',
      ]);
      report.push(`auto-sync, signed in on the primary: ${docs.length - 1} navigations away and back`);
    });

    it('remembers a signed-out answer instead of redirecting on every page', async ({ expect }) => {
      const context = await browser.freshContext();
      const page = await context.newPage();
      const docs = navigations(page);
      await page.goto(satellite.url('/'));
      expect((await satellite.who(page)).server).toBe('server: signed out');
      expect(docs).toHaveLength(3);
      await page.goto(satellite.url('/?again=1'));
      expect(docs).toHaveLength(4); // no second trip to the primary
      report.push(`auto-sync, signed out: ${docs.length - 2} navigations on first load, 1 afterwards`);
    });
  });

  describe.concurrent(`${framework}: satellite with a secret key the auth server refuses`, () => {
    let pair: RunningPair;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      const wrong = createSecretKey('development');
      pair = await startPair({
        autoSync: false,
        satelliteEnv: { ORBITAL_SECRET_KEY: wrong, NUXT_ORBITAL_SECRET_KEY: wrong },
      });
      browser = await launchChromium({ hosts: SATELLITE_HOSTS });
    });
    afterAll(async () => {
      await browser?.close();
      await pair?.stop();
    });

    it('tells the user signing in did not complete (and, in development, which key to fix), with no loop', async ({
      expect,
    }) => {
      const context = await browser.freshContext();
      await driver(pair.primary).signUp(await context.newPage(), newUser('Wrong'));
      const satellite = driver(pair.satellite);
      const page = await context.newPage();
      await page.goto(satellite.url('/'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.host.startsWith('satellite.test') && u.searchParams.has('__orbital_sync'));
      await expect.poll(() => page.textContent('body')).toContain('Signing in did not complete');
      expect(await page.textContent('body')).toContain(
        'For the developer: The auth server refused this app’s secret key',
      );
      expect(pair.satellite.output()).toContain('refused this app’s secret key');
      // A protected page sends the user to sign in once, and stops at the same page.
      const docs = navigations(page);
      const response = await page.goto(satellite.url('/dashboard'));
      expect(response?.status()).toBe(500);
      expect(docs.map((u) => new URL(u).host.split(':')[0])).toEqual([
        'satellite.test',
        'primary.test',
        'satellite.test',
      ]);
      await context.close();
    });
  });
}

/**
 * Two frameworks on one instance: a satellite of one framework signs in through a primary of
 * another, and a sign-out on either reaches the other — the protocol, not a framework's habits.
 */
export function describeMixedPairScenario(label: string, startPair: PairStarter): void {
  describe.concurrent(`${label}: one signed-in state across two frameworks`, () => {
    let pair: RunningPair;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      pair = await startPair({ autoSync: false, tokenTtl: 10 });
      browser = await launchChromium({ hosts: SATELLITE_HOSTS });
    });
    afterAll(async () => {
      await browser?.close();
      await pair?.stop();
    });

    it('signs in on the satellite through the primary, and signing out there signs out the primary', async ({
      expect,
    }) => {
      const primary = driver(pair.primary);
      const satellite = driver(pair.satellite);
      const context = await browser.freshContext();
      const { page, who } = await signInThroughPrimary(expect, context, primary, satellite, newUser('Mixed'));

      const onPrimary = await context.newPage();
      await onPrimary.goto(primary.url('/'));
      expect((await primary.who(onPrimary)).server).toBe(who.server);
      await page.bringToFront();
      await page.getByRole('button', { name: /^Account menu/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await expect
        .poll(() => primary.who(onPrimary).then((w) => w.client), { timeout: 20_000 })
        .toBe('client: signed out');
    });
  });
}
