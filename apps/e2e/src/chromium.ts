import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium with a fresh profile, never a browser a tool downloads. `hosts` maps made-up
 * names (primary.test, satellite.test) to this machine for real cross-site cookie behaviour.
 */
export async function launchChromium(
  options: { hosts?: string[] } = {},
): Promise<{ context: BrowserContext; freshContext: () => Promise<BrowserContext>; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'orbital-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (options.hosts?.length)
    args.push(`--host-resolver-rules=${options.hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: EXECUTABLE, headless: true, args });
  const mismatches: string[] = [];
  const watch = (page: Page) =>
    page.on(
      'console',
      (message) => HYDRATION_COMPLAINT.test(message.text()) && mismatches.push(`${page.url()}: ${message.text()}`),
    );
  context.on('page', watch);
  const opened: BrowserContext[] = [];
  return {
    context,
    /** A new context with no cookies or storage (another person, or a new browser), closed with the browser. */
    freshContext: async () => {
      const browser = context.browser();
      if (!browser)
        throw new Error('This Chromium cannot open a second context: the scenario would share cookies with another.');
      const created = await browser.newContext();
      created.on('page', watch);
      opened.push(created);
      return created;
    },
    close: async () => {
      await Promise.all(opened.map((c) => c.close().catch(() => undefined)));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      // Every page of every scenario, checked once: a hydration mismatch fails the suite.
      if (mismatches.length) throw new Error(`Hydration mismatches in the browser console:\n${mismatches.join('\n')}`);
    },
  };
}

/** What React (development and production, minified errors 418/423/425) and Vue log when server and client render differ. */
const HYDRATION_COMPLAINT =
  /hydrat(ion|ed)[^]*(mismatch|did not match|didn't match|failed)|Minified React error #4(18|19|23|25)/i;
