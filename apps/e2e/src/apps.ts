import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPublishableKey } from '@orbital/core';
import { freePort, start } from './processes';

/** A demo app the shared scenarios run against. */
export interface RunningApp {
  name: string;
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Auth-server settings the scenarios shorten to see lifetimes end within a test. */
export interface AppSettings {
  tokenTtl?: number;
  inactivityTimeout?: number;
  maximumLifetime?: number;
}

export type AppStarter = (settings?: AppSettings) => Promise<RunningApp>;

const require = createRequire(import.meta.url);

function settingsEnv(settings: AppSettings): Record<string, string> {
  return {
    ORBITAL_RATE_LIMIT_PER_MINUTE: '1000',
    ...(settings.tokenTtl && { ORBITAL_TOKEN_TTL: String(settings.tokenTtl) }),
    ...(settings.inactivityTimeout && { ORBITAL_INACTIVITY_TIMEOUT: String(settings.inactivityTimeout) }),
    ...(settings.maximumLifetime && { ORBITAL_MAXIMUM_LIFETIME: String(settings.maximumLifetime) }),
  };
}

/** Runs the built Next.js demo (`next start`) with the given env; one build serves every role. */
async function runNextDemo(port: number, baseUrl: string, env: Record<string, string>): Promise<RunningApp> {
  const appDir = dirname(require.resolve('@orbital/demo-nextjs/package.json'));
  const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const dataDir = mkdtempSync(join(tmpdir(), 'orbital-next-'));
  const server = await start(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: appDir,
    ready: /Ready in/,
    env: { ORBITAL_DATA_DIR: join(dataDir, 'data'), NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  return {
    name: 'nextjs',
    baseUrl,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Next.js primary demo, hosting its own auth server. */
export const startNextDemo: AppStarter = async (settings = {}) => {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  return runNextDemo(port, baseUrl, { NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY: createPublishableKey(`${baseUrl}/api/auth`, 'development'), ...settingsEnv(settings) });
};

/** A primary and a satellite on different sites: the browser maps these names to this machine. */
export const SATELLITE_HOSTS = ['primary.test', 'sub.primary.test', 'satellite.test'];

export interface RunningPair {
  primary: RunningApp;
  satellite: RunningApp;
  /** An app on a subdomain of the primary, configured like any primary-site app. */
  subdomain: RunningApp;
  stop: () => Promise<void>;
}

export type PairStarter = (settings: AppSettings & { autoSync: boolean }) => Promise<RunningPair>;

/** Two Next.js demos: a primary at primary.test and a satellite of it at satellite.test. */
export const startNextPair: PairStarter = async (settings) => {
  const [primaryPort, satellitePort, subdomainPort] = [await freePort(), await freePort(), await freePort()];
  const primaryUrl = `http://primary.test:${primaryPort}`;
  const satelliteUrl = `http://satellite.test:${satellitePort}`;
  const shared = {
    NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY: createPublishableKey(`${primaryUrl}/api/auth`, 'development'),
    // Servers cannot resolve the made-up names: they talk to the primary on loopback.
    ORBITAL_AUTH_SERVER_INTERNAL_URL: `http://127.0.0.1:${primaryPort}/api/auth`,
    ...settingsEnv(settings),
  };
  const primary = await runNextDemo(primaryPort, primaryUrl, { ...shared, ORBITAL_ALLOWED_REDIRECT_ORIGINS: satelliteUrl });
  const satellite = await runNextDemo(satellitePort, satelliteUrl, {
    ...shared,
    NEXT_PUBLIC_ORBITAL_IS_SATELLITE: 'true',
    NEXT_PUBLIC_ORBITAL_DOMAIN: `satellite.test:${satellitePort}`,
    NEXT_PUBLIC_ORBITAL_PROXY_URL: '/api/auth',
    NEXT_PUBLIC_ORBITAL_SATELLITE_AUTO_SYNC: String(settings.autoSync),
  });
  const subdomain = await runNextDemo(subdomainPort, `http://sub.primary.test:${subdomainPort}`, { ...shared, ORBITAL_DEMO_REMOTE_AUTH_SERVER: 'true' });
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
