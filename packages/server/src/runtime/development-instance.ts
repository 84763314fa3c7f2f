import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSecretKey } from '@orbital/core';

// Paths are plain strings relative to the working directory: `node:path` calls on values from the
// environment make bundlers (Turbopack) trace and ship the whole project with the server code.

/** The embedded database's folder unless `ORBITAL_DATA_DIR` says otherwise (the CLI's and every app's). */
export function dataDirFromEnv(env: Record<string, string | undefined>): string {
  return env.ORBITAL_DATA_DIR || '.orbital/data';
}

/** Where a development instance keeps its secret key: beside its data folder. */
export function developmentSecretKeyFile(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '').replace(/[^\\/]*$/, '')}secret-key`;
}

/**
 * Development only: the secret key generated once and kept beside the data folder (mode 0600),
 * so the CLI, an app hosting the server and `orbital-server env` agree on it.
 */
export function developmentSecretKey(dataDir: string): string {
  const file = developmentSecretKeyFile(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const folder = file.slice(0, -'secret-key'.length);
  if (folder) mkdirSync(folder, { recursive: true });
  const key = createSecretKey('development');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
