import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { PUBLIC_ENV_PREFIX, createPublishableKey } from '@orbital/core';
import { freePort, start, type Started } from './processes';

/** A demo app the shared scenarios run against. */
export interface RunningApp {
  name: string;
  baseUrl: string;
  /** What the app's server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Auth-server settings the scenarios shorten to see lifetimes end within a test. */
export interface AppSettings {
  tokenTtl?: number;
  inactivityTimeout?: number;
  maximumLifetime?: number;
  /** Further env vars for the app (a misconfiguration under test, say). */
  env?: Record<string, string>;
}

export type AppStarter = (settings?: AppSettings) => Promise<RunningApp>;

/**
 * How to run one framework's built demo. Every demo reads the same env vars (with its framework's
 * public prefix), hosts the auth server at /api/auth as a primary and proxies to it as a
 * satellite, so one build serves every role.
 */
export interface Demo {
  name: string;
  /** `NEXT_PUBLIC_`, `VITE_`, `NUXT_PUBLIC_`. */
  publicPrefix: string;
  /** Starts the built app in `dir` (the workspace's demo unless given). */
  run(port: number, env: Record<string, string>, dir?: string): Promise<Started>;
  /** Starts the workspace's demo under its framework's development server, as `pnpm dev` does from a user's shell. */
  dev(port: number, env: Record<string, string>): Promise<Started>;
}

/** The framework's own CLI (its package's `bin`) from the demo's dependencies, run on this Node. */
function frameworkBin(dir: string, name: string): string {
  const manifest = createRequire(join(dir, 'package.json')).resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]!);
}

const require = createRequire(import.meta.url);
const appDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const nextDemo: Demo = {
  name: 'nextjs',
  publicPrefix: PUBLIC_ENV_PREFIX.nextjs,
  run: (port, env, dir = appDir('@orbital/demo-nextjs')) =>
    start(process.execPath, [frameworkBin(dir, 'next'), 'start', '-p', String(port)], {
      cwd: dir,
      ready: /Ready in/,
      env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
    }),
  dev: (port, env, dir = appDir('@orbital/demo-nextjs')) =>
    start(process.execPath, [frameworkBin(dir, 'next'), 'dev', '-p', String(port)], {
      cwd: dir,
      ready: /Ready in/,
      env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
      shell: true,
    }),
};

export const tanstackStartDemo: Demo = {
  name: 'tanstack-start',
  publicPrefix: PUBLIC_ENV_PREFIX['tanstack-start'],
  run: (port, env, dir = appDir('@orbital/demo-tanstack-start')) =>
    start(process.execPath, ['server.mjs'], { cwd: dir, ready: /Ready on/, env: { PORT: String(port), ...env } }),
  dev: (port, env, dir = appDir('@orbital/demo-tanstack-start')) =>
    start(process.execPath, [frameworkBin(dir, 'vite'), 'dev', '--port', String(port), '--strictPort'], {
      cwd: dir,
      ready: /Local:/,
      env: { PORT: String(port), ...env },
      shell: true,
    }),
};

export const nuxtDemo: Demo = {
  name: 'nuxt',
  publicPrefix: PUBLIC_ENV_PREFIX.nuxt,
  run: (port, env, dir = appDir('@orbital/demo-nuxt')) =>
    start(process.execPath, ['--env-file-if-exists=.env', '.output/server/index.mjs'], {
      cwd: dir,
      ready: /Listening on/,
      env: { PORT: String(port), ...env },
    }),
  dev: (port, env, dir = appDir('@orbital/demo-nuxt')) =>
    start(process.execPath, [frameworkBin(dir, 'nuxt'), 'dev', '--port', String(port)], {
      cwd: dir,
      ready: /Local:/,
      env: { PORT: String(port), NUXT_TELEMETRY_DISABLED: '1', ...env },
      shell: true,
    }),
};

function settingsEnv(settings: AppSettings): Record<string, string> {
  return {
    ORBITAL_RATE_LIMIT_PER_MINUTE: '1000',
    ...(settings.tokenTtl && { ORBITAL_TOKEN_TTL: String(settings.tokenTtl) }),
    ...(settings.inactivityTimeout && { ORBITAL_INACTIVITY_TIMEOUT: String(settings.inactivityTimeout) }),
    ...(settings.maximumLifetime && { ORBITAL_MAXIMUM_LIFETIME: String(settings.maximumLifetime) }),
    ...settings.env,
  };
}

/**
 * Runs a demo on its own embedded database, removed when it stops: the workspace's demo on a copy
 * of the run's migrated template, a copy installed in `dir` on an empty folder as a user's would.
 */
async function runDemo(
  demo: Demo,
  port: number,
  baseUrl: string,
  env: Record<string, string>,
  dir?: string,
): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `orbital-${demo.name}-`));
  if (!dir) cpSync(inject('databaseTemplate'), join(dataDir, 'data'), { recursive: true });
  const server = await demo.run(port, { ORBITAL_DATA_DIR: join(dataDir, 'data'), ...env }, dir);
  return {
    name: demo.name,
    baseUrl,
    output: server.output,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A demo as a primary, hosting its own auth server (a built copy in `dir`, if given). */
export function demoStarter(demo: Demo, dir?: string): AppStarter {
  return async (settings = {}) => {
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    return runDemo(
      demo,
      port,
      baseUrl,
      {
        [`${demo.publicPrefix}ORBITAL_PUBLISHABLE_KEY`]: createPublishableKey(`${baseUrl}/api/auth`, 'development'),
        ...settingsEnv(settings),
      },
      dir,
    );
  };
}

/** A primary and a satellite on different sites: the browser maps these names to this machine. */
export const SATELLITE_HOSTS = ['primary.test', 'sub.primary.test', 'satellite.test'];

export interface RunningPair {
  primary: RunningApp;
  satellite: RunningApp;
  /** An app on a subdomain of the primary, configured like any primary-site app. */
  subdomain: RunningApp;
  stop: () => Promise<void>;
}

export type PairStarter = (
  settings: AppSettings & {
    autoSync: boolean;
    /** Further env vars for the satellite only. */ satelliteEnv?: Record<string, string>;
  },
) => Promise<RunningPair>;

/**
 * A primary at primary.test hosting the auth server (`primaryDemo`, the same framework unless given), and
 * `demo` as its satellite at satellite.test and as an app at sub.primary.test.
 */
export function pairStarter(demo: Demo, primaryDemo: Demo = demo): PairStarter {
  return async (settings) => {
    const [primaryPort, satellitePort, subdomainPort] = [await freePort(), await freePort(), await freePort()];
    const primaryUrl = `http://primary.test:${primaryPort}`;
    const satelliteUrl = `http://satellite.test:${satellitePort}`;
    const shared = (prefix: string) => ({
      [`${prefix}ORBITAL_PUBLISHABLE_KEY`]: createPublishableKey(`${primaryUrl}/api/auth`, 'development'),
      // Servers cannot resolve the made-up names: they talk to the primary on loopback.
      ORBITAL_AUTH_SERVER_INTERNAL_URL: `http://127.0.0.1:${primaryPort}/api/auth`,
      ...settingsEnv(settings),
    });
    const p = demo.publicPrefix;
    // Trust is explicit: the satellite by its origin, the subdomain app by a pattern with its port pinned.
    const trusted = [satelliteUrl, `http://*.primary.test:${subdomainPort}`].join(',');
    const primary = await runDemo(primaryDemo, primaryPort, primaryUrl, {
      ...shared(primaryDemo.publicPrefix),
      // The auth server trusts them; the primary app's own pages may send users back to them.
      ORBITAL_TRUSTED_ORIGINS: trusted,
      [`${primaryDemo.publicPrefix}ORBITAL_ALLOWED_REDIRECT_ORIGINS`]: trusted,
    });
    const satellite = await runDemo(demo, satellitePort, satelliteUrl, {
      ...shared(p),
      [`${p}ORBITAL_IS_SATELLITE`]: 'true',
      [`${p}ORBITAL_PROXY_URL`]: '/api/auth',
      [`${p}ORBITAL_SATELLITE_AUTO_SYNC`]: String(settings.autoSync),
      ...settings.satelliteEnv,
    });
    const subdomain = await runDemo(demo, subdomainPort, `http://sub.primary.test:${subdomainPort}`, {
      ...shared(p),
      ORBITAL_DEMO_REMOTE_AUTH_SERVER: 'true',
    });
    return {
      primary,
      satellite,
      subdomain,
      stop: async () => {
        await subdomain.stop();
        await satellite.stop();
        await primary.stop();
      },
    };
  };
}
