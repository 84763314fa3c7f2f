#!/usr/bin/env node
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError, createSecretKey, type InstanceMode } from '@orbital/core';
import { serve } from './node';
import { createOrbitalServer } from './server';
import { createPgliteStore } from './store/pglite';
import { createPostgresStore } from './store/postgres';

const HELP = `orbital-server — run the Orbital auth server standalone

Options (environment variable in brackets):
  --port <n>               port to listen on [PORT] (default 4000)
  --host <name>            interface to bind [HOST] (default localhost)
  --url <url>              public URL of this server [ORBITAL_URL] (default http://localhost:<port>)
  --data-dir <dir>         embedded database folder [ORBITAL_DATA_DIR] (default .orbital/data)
  --database-url <url>     use PostgreSQL instead of the embedded database [DATABASE_URL]
  --mode <mode>            development | production [ORBITAL_MODE] (default development)
  --allowed-origin <url>   an app origin allowed to redirect here, repeatable [ORBITAL_ALLOWED_ORIGINS, comma-separated]
  --token-ttl <s>          session token lifetime in seconds [ORBITAL_TOKEN_TTL] (default 60)
  --inactivity-timeout <s> seconds, or "off" [ORBITAL_INACTIVITY_TIMEOUT] (default 7 days)
  --maximum-lifetime <s>   seconds, or "off" [ORBITAL_MAXIMUM_LIFETIME] (default 7 days)
  --print-secret-key       print a new secret key and exit
The secret key comes from ORBITAL_SECRET_KEY; in development one is generated and kept next to the data folder.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      mode: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      'inactivity-timeout': { type: 'string' },
      'maximum-lifetime': { type: 'string' },
      'print-secret-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const env = process.env;
  if (values.help) return void console.log(HELP);
  const mode = (values.mode ?? env.ORBITAL_MODE ?? 'development') as InstanceMode;
  if (mode !== 'development' && mode !== 'production') throw new ConfigurationError('configuration_invalid', `--mode must be development or production, got "${mode}".`);
  if (values['print-secret-key']) return void console.log(createSecretKey(mode));

  const port = Number(values.port ?? env.PORT ?? 4000);
  const host = values.host ?? env.HOST ?? 'localhost';
  const url = values.url ?? env.ORBITAL_URL ?? `http://localhost:${port}`;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const dataDir = resolve(values['data-dir'] ?? env.ORBITAL_DATA_DIR ?? '.orbital/data');
  const allowedRedirectOrigins = [...(values['allowed-origin'] ?? []), ...(env.ORBITAL_ALLOWED_ORIGINS?.split(',') ?? [])].map((o) => o.trim()).filter(Boolean);

  const store = databaseUrl ? await createPostgresStore({ connectionString: databaseUrl }) : await createPgliteStore(dataDir);
  const secretKey = env.ORBITAL_SECRET_KEY ?? (mode === 'development' ? developmentSecretKey(dataDir) : undefined);
  const server = createOrbitalServer({
    url,
    mode,
    store,
    allowedRedirectOrigins,
    ...(secretKey && { secretKey }),
    ...(seconds(values['token-ttl'] ?? env.ORBITAL_TOKEN_TTL) !== undefined && { tokenTtl: seconds(values['token-ttl'] ?? env.ORBITAL_TOKEN_TTL) as number }),
    lifetime: {
      inactivityTimeout: seconds(values['inactivity-timeout'] ?? env.ORBITAL_INACTIVITY_TIMEOUT),
      maximumLifetime: seconds(values['maximum-lifetime'] ?? env.ORBITAL_MAXIMUM_LIFETIME),
    },
  });
  const listening = await serve(server.handler, { port, hostname: host });
  const jwks = JSON.stringify(await server.jwks());

  console.log(`
  Orbital auth server (${mode}) on ${url}
  Store:   ${databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}

  Sign up:  ${url}/sign-up
  Sign in:  ${url}/sign-in
  Account:  ${url}/user
  JWKS:     ${url}/.well-known/jwks.json

  Point an app at it (.env):
    NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=${server.publishableKey}
    ORBITAL_SECRET_KEY=${secretKey ?? '<set ORBITAL_SECRET_KEY>'}
    ORBITAL_JWT_KEY='${jwks}'
  ORBITAL_JWT_KEY lets app servers verify tokens with no network call; update it after a key rotation,
  or leave it unset to fetch ${url}/.well-known/jwks.json once.
`);

  const stop = () => {
    listening.close();
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function seconds(value: string | undefined): number | false | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'off' || value === 'false') return false;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ConfigurationError('configuration_invalid', `Expected a number of seconds or "off", got "${value}".`);
  return n;
}

/** Development only: a secret key generated once and kept beside the data folder (mode 0600). */
function developmentSecretKey(dataDir: string): string {
  const file = join(dirname(dataDir), 'secret-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = createSecretKey('development');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && 'code' in error ? `orbital-server: ${error.message} (${String((error as { code: unknown }).code)})` : error);
  process.exit(1);
});
