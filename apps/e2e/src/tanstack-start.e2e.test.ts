import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoStarter, nuxtDemo, pairStarter, tanstackStartDemo, type RunningApp } from './apps';
import { launchChromium } from './chromium';
import { driver, newUser } from './driver';
import { describeEmailScenarios } from './scenarios/email';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeMixedPairScenario, describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';
import { describeTrustScenarios } from './scenarios/trust';
import { describeZeroConfigScenario } from './scenarios/zero-config';

describeSessionScenarios('TanStack Start', demoStarter(tanstackStartDemo));
describeSatelliteScenarios('TanStack Start', pairStarter(tanstackStartDemo));
describeOrganizationScenarios('TanStack Start', demoStarter(tanstackStartDemo));
describeEmailScenarios('TanStack Start', demoStarter(tanstackStartDemo));
describeTrustScenarios('TanStack Start', demoStarter(tanstackStartDemo));

describe.concurrent('TanStack Start: client-side navigation', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let d: ReturnType<typeof driver>;

  beforeAll(async () => {
    app = await demoStarter(tanstackStartDemo)();
    d = driver(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('guards a route in the browser too: requireSignIn sends a signed-out user to sign in and back', async ({
    expect,
  }) => {
    const user = newUser('Lin');
    const page = await browser.context.newPage();
    await d.signUpThenSignOut(page, user);
    await page.getByRole('link', { name: 'Dashboard' }).click(); // a router navigation: beforeLoad runs in the browser
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('redirect_url')).toBe(d.url('/dashboard'));
    await d.fillSignIn(page, user.email, user.password);
    await page.waitForURL(d.url('/dashboard'));

    // signed in: the next router navigation runs the loader's server function over HTTP
    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Orbital on TanStack Start');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('server-user').textContent()).toMatch(/^server: user_/);
    expect((await d.who(page)).client).toBe(
      (await page.getByTestId('server-user').textContent())!.replace('server', 'client'),
    );
  });
});
describeZeroConfigScenario('TanStack Start', tanstackStartDemo);
describeMixedPairScenario('TanStack Start satellite of a Nuxt primary', pairStarter(tanstackStartDemo, nuxtDemo));
