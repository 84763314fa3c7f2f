#!/usr/bin/env node
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSecretKey } from '@orbital/core';
import { serverOptionsFromEnv } from './env';
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
  --redis-url <url>        share rate limits and announce ended sessions through Redis [REDIS_URL]
                           (several instances behind a load balancer: give them all the same one)
  --mode <mode>            development | production [ORBITAL_MODE] (default development)
  --allowed-origin <url>   an app origin allowed to redirect here, repeatable [ORBITAL_ALLOWED_REDIRECT_ORIGINS, comma-separated]
  --token-ttl <s>          session token lifetime in seconds [ORBITAL_TOKEN_TTL] (default 60)
  --inactivity-timeout <s> seconds, or "off" [ORBITAL_INACTIVITY_TIMEOUT] (default 7 days)
  --maximum-lifetime <s>   seconds, or "off" [ORBITAL_MAXIMUM_LIFETIME] (default 7 days)
  --print-secret-key       print a new secret key and exit
The secret key comes from ORBITAL_SECRET_KEY; in development one is generated and kept next to the data folder.
Also read: ORBITAL_RATE_LIMIT_PER_MINUTE, ORBITAL_SIGNING_ALGORITHM (ES256 | RS256), ORBITAL_TRUST_PROXY.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      mode: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      'inactivity-timeout': { type: 'string' },
      'maximum-lifetime': { type: 'string' },
      'print-secret-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  // Flags win over env vars; both go through the one env parser the apps that host the server use too.
  const flags: Record<string, string | undefined> = {
    ORBITAL_MODE: values.mode,
    ORBITAL_TOKEN_TTL: values['token-ttl'],
    ORBITAL_INACTIVITY_TIMEOUT: values['inactivity-timeout'],
    ORBITAL_MAXIMUM_LIFETIME: values['maximum-lifetime'],
    ORBITAL_ALLOWED_ORIGINS: values['allowed-origin']?.join(','),
  };
  const env = { ...process.env, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  const settings = serverOptionsFromEnv(env);
  const mode = settings.mode ?? 'development';
  if (values['print-secret-key']) return void console.log(createSecretKey(mode));

  const port = Number(values.port ?? env.PORT ?? 4000);
  const host = values.host ?? env.HOST ?? 'localhost';
  const url = values.url ?? env.ORBITAL_URL ?? `http://localhost:${port}`;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const redisUrl = values['redis-url'] ?? env.REDIS_URL;
  const dataDir = resolve(values['data-dir'] ?? env.ORBITAL_DATA_DIR ?? '.orbital/data');

  const store = databaseUrl ? await createPostgresStore({ connectionString: databaseUrl }) : await createPgliteStore(dataDir);
  const secretKey = settings.secretKey ?? (mode === 'development' ? developmentSecretKey(dataDir) : undefined);
  const sharedState = redisUrl ? (await import('./redis')).createRedisSharedState({ url: redisUrl }) : undefined;
  const server = createOrbitalServer({
    ...settings,
    url,
    mode,
    store,
    ...(sharedState && { sharedState }),
    ...(secretKey && { secretKey }),
  });
  const listening = await serve(server.handler, { port, hostname: host });
  const jwks = JSON.stringify(await server.jwks());

  console.log(`
  Orbital auth server (${mode}) on ${url}
  Store:   ${databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}
  Shared:  ${redisUrl ? 'Redis (rate limits, ended-session announcements)' : 'in-process (one instance)'}
  Health:  ${url}/health

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
  // The last resort: a fault nothing else caught (a driver emitting an error with no listener) is
  // logged, and the server keeps answering — its requests already fail with 503 until it recovers.
  process.on('uncaughtException', (error) => console.error('[orbital] uncaught error; still serving', error));
  process.on('unhandledRejection', (reason) => console.error('[orbital] unhandled rejection; still serving', reason));
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
