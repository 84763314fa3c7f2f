import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Demo } from '../apps';
import { launchChromium } from '../chromium';
import { driver, newUser } from '../driver';
import { freePort, type Started } from '../processes';

/**
 * A newcomer's first run: the framework's development server, an app that mounts the auth server
 * at /api/auth, and no Orbital keys anywhere — it signs a user in and says in the terminal what it
 * created and how to move to explicit keys.
 */
export function describeZeroConfigScenario(framework: string, demo: Demo): void {
  describe.concurrent(`${framework}: development with no configuration`, () => {
    let server: Started;
    let baseUrl: string;
    let dataDir: string;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      const port = await freePort();
      baseUrl = `http://localhost:${port}`;
      dataDir = mkdtempSync(join(tmpdir(), `orbital-dev-${demo.name}-`));
      // Not a key in sight: none in the demo's .env, none from the suite's run (dev() starts from a user's shell).
      server = await demo.dev(port, { ORBITAL_DATA_DIR: join(dataDir, 'data') });
      // The first request of each page compiles it: a development server's pace, not a user's.
      for (const path of ['/', '/sign-up', '/dashboard', '/api/auth/v1/environment']) await fetch(`${baseUrl}${path}`);
      browser = await launchChromium();
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('signs a user up and in with no keys set, and tells the developer what it did', async ({ expect }) => {
      const page = await browser.context.newPage();
      const d = driver({ name: demo.name, baseUrl, output: server.output, stop: server.stop });
      page.setDefaultTimeout(60_000);
      await d.signUp(page, newUser('Newcomer'));
      const who = await d.who(page);
      expect(who.server).toMatch(/^server: user_/);
      expect(who.client).toBe(who.server.replace('server', 'client'));
      expect(server.output()).toContain(`[orbital] Development auth server at ${baseUrl}/api/auth`);
      expect(server.output()).toContain('npx orbital-server env');
      await page.close();
    }, 300_000);
  });
}
