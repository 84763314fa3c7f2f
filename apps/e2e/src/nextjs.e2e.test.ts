import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoStarter, nextDemo, pairStarter, type RunningApp } from './apps';
import { launchChromium } from './chromium';
import { driver, newUser } from './driver';
import { describeEmailScenarios } from './scenarios/email';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';
import { describeTrustScenarios } from './scenarios/trust';
import { describeZeroConfigScenario } from './scenarios/zero-config';

describeSessionScenarios('Next.js', demoStarter(nextDemo));
describeSatelliteScenarios('Next.js', pairStarter(nextDemo));
describeOrganizationScenarios('Next.js', demoStarter(nextDemo));
describeEmailScenarios('Next.js', demoStarter(nextDemo));
describeTrustScenarios('Next.js', demoStarter(nextDemo));
describeZeroConfigScenario('Next.js', nextDemo);

describe.concurrent('Next.js: create-next-app defaults (Cache Components, as the demo is built)', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    app = await demoStarter(nextDemo)();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('serves signed-in pages from the dynamic provider with nothing logged about prerendering', async ({ expect }) => {
    const page = await browser.context.newPage();
    const d = driver(app);
    await d.signUp(page, newUser('Cache'));
    for (const path of ['/', '/dashboard', '/']) {
      await page.goto(d.url(path));
      expect((await d.who(page)).server).toMatch(/^server: user_/);
    }
    await page.close();
    // What Next.js says when rendering reads the clock or randomness where it could prerender.
    expect(app.output()).not.toMatch(/prerender|Date\.now\(\)|Math\.random\(\)|new Date\(\)|crypto\./i);
  });
});
