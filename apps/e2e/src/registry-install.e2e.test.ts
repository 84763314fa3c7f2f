import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStarter, nextDemo, nuxtDemo, tanstackStartDemo, type Demo } from './apps';
import { launchChromium } from './chromium';
import { driver, newUser } from './driver';
import { enterEmailCode } from './mailbox';
import { lockedVersions } from './lockfile-pins';
import { freePort, start, type Started } from './processes';
import { readmeSection, readmeSections, type ReadmeFile } from './readme-steps';
import {
  installedCopy,
  installsLatest,
  pnpm,
  prepareInstall,
  startLocalRegistry,
  workspaceRoot,
  type LocalRegistry,
} from './registry';
import { adapterReadme, scaffolds, vueScaffold, type Scaffold } from './scaffolds';

function writeAppFile(dir: string, file: ReadmeFile): void {
  mkdirSync(dirname(join(dir, file.path)), { recursive: true });
  writeFileSync(join(dir, file.path), file.content);
}

/** `pnpm <args>` in an app folder, from a user's shell, running until stopped. */
function startIn(dir: string, args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Started> {
  return start('pnpm', args, { cwd: dir, ready, env, shell: true, timeoutMs: 120_000 });
}

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

describe('installed from a registry', () => {
  const frameworks: Array<[string, Demo, string, object | undefined]> = [
    ['Next.js', nextDemo, 'nextjs', undefined],
    [
      'TanStack Start',
      tanstackStartDemo,
      'tanstack-start',
      {
        compilerOptions: {
          target: 'ES2023',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          strict: true,
          skipLibCheck: true,
          types: ['vite/client'],
        },
        include: ['src', 'vite.config.ts'],
      },
    ],
    ['Nuxt', nuxtDemo, 'nuxt', undefined],
  ];

  it.each(frameworks)(
    '%s: installs by version, builds, starts, and signs a user in',
    async (framework, demo, folder, tsconfig) => {
      const dir = installedCopy(folder, registry, tsconfig ? { tsconfig } : {});
      copies.push(dir);
      const installed = JSON.parse(pnpm(['ls', '--json', '--depth', '0'], dir)) as Array<{
        dependencies: Record<string, { version: string; resolved?: string }>;
      }>;
      const orbital = Object.entries(installed[0]!.dependencies).filter(([name]) => name.startsWith('@orbital/'));
      expect(orbital.length).toBeGreaterThan(0);
      for (const [, dep] of orbital) expect(dep.version).toBe(registry.version); // a real install, not a link into the workspace
      const versions = frameworkVersions(dir);
      console.info(
        `${framework}: installed ${[...versions].map(([name, version]) => `${name}@${version}`).join(', ')}${installsLatest ? ' (newest releases)' : ' (from the lockfile)'}`,
      );
      if (!installsLatest) {
        const locked = lockedVersions(join(workspaceRoot, 'pnpm-lock.yaml'));
        for (const [name, version] of versions)
          expect(locked[name], `${name}@${version} is not in the lockfile`).toContain(version);
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
    },
    300_000,
  );
});

/**
 * A page for an app under its development server, whose first request of each page compiles it (and
 * whose first auth request creates the embedded database): a development server's pace on a machine
 * running the other browser scenarios beside it, not a user's.
 */
async function devServerPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(120_000);
  return page;
}

/** From the hosted sign-in page: on to its sign-up page, create the account, and enter the code sent by email. */
async function fillHostedSignUp(page: Page, user: ReturnType<typeof newUser>): Promise<void> {
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('First name').fill(user.firstName);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  // The hosted page's own address names its auth server: `<auth server>/sign-up`.
  const authServerUrl = page.url().replace(/\/sign-up(\?.*)?$/, '');
  await page.getByRole('button', { name: 'Create account' }).click();
  await enterEmailCode(page, authServerUrl, user.email);
}

/** Signs a new user up through the auth server's hosted pages, starting from a protected page. */
async function signUpFromProtectedPage(page: Page, baseUrl: string, user: ReturnType<typeof newUser>): Promise<void> {
  await page.goto(`${baseUrl}/dashboard`);
  await page.waitForURL((url) => url.pathname.startsWith('/api/auth/sign-in'));
  await fillHostedSignUp(page, user);
  await page.waitForURL(`${baseUrl}/dashboard`);
}

/**
 * The README is the test: each framework's app is made by its own scaffold (its CLI, its defaults),
 * then the adapter README's steps are applied literally — its `pnpm add` line against the registry,
 * and every code block whose fence names a file written as it is, so README and test cannot drift —
 * and the app runs under `pnpm dev` with no keys, as a newcomer's first run does.
 */
describe("a new app, from its framework's scaffold and the package README alone", () => {
  /** The scaffold's app with the README's "Start" section applied: its `pnpm add` line and its files. */
  function appFromReadme(scaffold: Scaffold) {
    const parent = mkdtempSync(join(tmpdir(), `orbital-readme-${scaffold.adapter}-`));
    copies.push(parent);
    const dir = join(parent, 'app');
    scaffold.create(dir);
    const sections = readmeSections(adapterReadme(scaffold));
    const start = readmeSection(sections, 'Start');
    expect(start.packages).toContain(`@orbital/${scaffold.adapter}`);
    prepareInstall(dir, registry);
    pnpm(['add', ...start.packages], dir);
    for (const file of start.files) writeAppFile(dir, file);
    return { dir, sections };
  }

  it.each(scaffolds.map((s) => [s.framework, s] as const))(
    "%s: the README's steps sign a user in",
    async (_, scaffold) => {
      const { dir, sections } = appFromReadme(scaffold);

      const port = await freePort();
      const baseUrl = `http://localhost:${port}`;
      const user = newUser('Reader');
      const dev = await startIn(dir, scaffold.devCommand(port), scaffold.ready, {
        PORT: String(port),
      });
      const page = await devServerPage();
      try {
        await signUpFromProtectedPage(page, baseUrl, user);
        await expect.poll(() => page.textContent('body')).toMatch(/Signed in as user_/);
        expect(dev.output()).toContain(`Development auth server at ${baseUrl}/api/auth`);
      } finally {
        await page.close();
        await dev.stop();
      }

      // The README's code type-checks under the scaffold's settings (Next.js checks it in its build).
      if (scaffold.adapter === 'tanstack-react-start') pnpm(['exec', 'tsc', '--noEmit'], dir);
      if (scaffold.adapter !== 'nextjs') return;
      // The rest of the README, on the production build: the app's own sign-in pages, and the keys
      // `orbital-server env` prints for this development instance (a production server derives none).
      for (const file of readmeSection(sections, 'Your own sign-in pages').files) writeAppFile(dir, file);
      const productionPort = await freePort();
      const productionUrl = `http://localhost:${productionPort}`;
      const env = pnpm(['exec', 'orbital-server', 'env'], dir, { PORT: String(productionPort) });
      writeFileSync(join(dir, '.env.local'), `${readFileSync(join(dir, '.env.local'), 'utf8')}${env}`);
      pnpm(['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
      const production = await startIn(dir, ['run', 'start', '--port', String(productionPort)], /Ready in/, {
        NEXT_TELEMETRY_DISABLED: '1',
      });
      const context = await browser.freshContext();
      try {
        const signIn = await context.newPage();
        await signIn.goto(`${productionUrl}/dashboard`);
        await signIn.waitForURL((url) => url.pathname === '/sign-in');
        await driver({
          name: 'readme',
          baseUrl: productionUrl,
          output: production.output,
          stop: production.stop,
        }).fillSignIn(signIn, user.email, user.password);
        await signIn.waitForURL(`${productionUrl}/dashboard`);
        await expect.poll(() => signIn.textContent('body')).toMatch(/Signed in as user_/);
        expect(production.output()).not.toMatch(/prerender|Date\.now\(\)/i);
      } finally {
        await context.close();
        await production.stop();
      }
    },
    600_000,
  );

  it("Vue: the README's steps sign a user in, against the standalone auth server", async () => {
    const { dir } = appFromReadme(vueScaffold);
    const [serverPort, appPort] = [await freePort(), await freePort()];
    const appUrl = `http://localhost:${appPort}`;
    const server = await startIn(
      dir,
      ['exec', 'orbital-server', '--port', String(serverPort), '--trusted-origin', appUrl],
      /Orbital auth server/,
    );
    const app = await (async () => {
      try {
        writeFileSync(
          join(dir, '.env'),
          pnpm(['exec', 'orbital-server', 'env', '--url', `http://localhost:${serverPort}`], dir),
        );
        return await startIn(dir, vueScaffold.devCommand(appPort), vueScaffold.ready);
      } catch (error) {
        await server.stop();
        throw error;
      }
    })();
    const page = await devServerPage();
    try {
      await page.goto(appUrl);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.port === String(serverPort) && url.pathname === '/sign-in');
      await fillHostedSignUp(page, newUser('Vue'));
      await page.waitForURL((url) => url.origin === appUrl);
      await expect.poll(() => page.textContent('body')).toMatch(/Signed in as user_/);
    } finally {
      await page.close();
      await app.stop();
      await server.stop();
    }
  }, 300_000);
});
