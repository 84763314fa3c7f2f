import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStarter, nextDemo, nuxtDemo, tanstackStartDemo, type Demo } from './apps';
import { launchChromium } from './chromium';
import { driver, newUser } from './driver';
import { lockedVersions } from './lockfile-pins';
import { installedCopy, installsLatest, pnpm, startLocalRegistry, workspaceRoot, type LocalRegistry } from './registry';

interface Listed {
  version: string;
  dependencies?: Record<string, Listed>;
}

/** The framework packages an installed app resolved, wherever they sit in its tree. */
function frameworkVersions(dir: string): Map<string, string> {
  const names = ['next', 'nuxt', 'vite', 'react', 'vue', '@tanstack/react-start'];
  const [root] = JSON.parse(pnpm(['ls', '--json', '--depth', '3', ...names], dir)) as Listed[];
  const found = new Map<string, string>();
  const walk = (deps: Record<string, Listed> = {}) => {
    for (const [name, dep] of Object.entries(deps)) {
      if (names.includes(name)) found.set(name, dep.version);
      walk(dep.dependencies);
    }
  };
  walk(root?.dependencies);
  return found;
}

/**
 * What users install is what works: every @orbital package is published to a throwaway registry,
 * each framework's app is installed from it by version in a folder outside the workspace, built,
 * started, and signed in to in a real browser. Catches a missing dependency, a wrong export path
 * or a file left out of the tarball — none of which the workspace (with its symlinks) would notice.
 *
 * The gating run installs the framework versions of the workspace's lockfile, so it passes whatever
 * the registry released since; `pnpm test:latest` runs it against the newest releases and reports
 * the versions it got.
 */
describe('installed from a registry', () => {
  let registry: LocalRegistry;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const copies: string[] = [];

  beforeAll(async () => {
    registry = await startLocalRegistry();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  const frameworks: Array<[string, Demo, string, object | undefined]> = [
    ['Next.js', nextDemo, 'nextjs', undefined],
    ['TanStack Start', tanstackStartDemo, 'tanstack-start', { compilerOptions: { target: 'ES2023', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, skipLibCheck: true, types: ['vite/client'] }, include: ['src', 'vite.config.ts'] }],
    ['Nuxt', nuxtDemo, 'nuxt', undefined],
  ];

  it.each(frameworks)('%s: installs by version, builds, starts, and signs a user in', async (framework, demo, folder, tsconfig) => {
    const dir = installedCopy(folder, registry, tsconfig ? { tsconfig } : {});
    copies.push(dir);
    const installed = JSON.parse(pnpm(['ls', '--json', '--depth', '0'], dir)) as Array<{ dependencies: Record<string, { version: string; resolved?: string }> }>;
    const orbital = Object.entries(installed[0]!.dependencies).filter(([name]) => name.startsWith('@orbital/'));
    expect(orbital.length).toBeGreaterThan(0);
    for (const [, dep] of orbital) expect(dep.version).toBe(registry.version); // a real install, not a link into the workspace
    const versions = frameworkVersions(dir);
    console.info(`${framework}: installed ${[...versions].map(([name, version]) => `${name}@${version}`).join(', ')}${installsLatest ? ' (newest releases)' : ' (from the lockfile)'}`);
    if (!installsLatest) {
      const locked = lockedVersions(join(workspaceRoot, 'pnpm-lock.yaml'));
      for (const [name, version] of versions) expect(locked[name], `${name}@${version} is not in the lockfile`).toContain(version);
    }
    pnpm(['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });

    const app = await demoStarter(demo, dir)();
    try {
      const page = await browser.context.newPage();
      const d = driver(app);
      await d.signUp(page, newUser());
      const who = await d.who(page);
      expect(who.server).toMatch(/^server: user_/);
      expect(who.client).toBe(who.server.replace('server', 'client'));
      await page.close();
    } finally {
      await app.stop();
    }
  }, 300_000);
});
