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

/** The Next.js primary demo (`next start` on its production build), hosting its own auth server. */
export const startNextDemo: AppStarter = async (settings = {}) => {
  const appDir = dirname(require.resolve('@orbital/demo-nextjs/package.json'));
  const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'orbital-next-'));
  const server = await start(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: appDir,
    ready: /Ready in/,
    env: {
      NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY: createPublishableKey(`${baseUrl}/api/auth`, 'development'),
      ORBITAL_DATA_DIR: join(dataDir, 'data'),
      NEXT_TELEMETRY_DISABLED: '1',
      ...settingsEnv(settings),
    },
  });
  return {
    name: 'nextjs',
    baseUrl,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
