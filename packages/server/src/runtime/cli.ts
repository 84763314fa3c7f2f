#!/usr/bin/env node
import { parseArgs } from 'node:util';
import {
  ConfigurationError,
  createPublishableKey,
  createSecretKey,
  appAuthServerUrl,
  type InstanceMode,
} from '@orbital/core';
import { dataDirFromEnv, developmentSecretKey } from './development-instance';
import { serverOptionsFromEnv } from './env';
import { detectFramework, envLines, FRAMEWORKS, type Framework } from './env-lines';
import type { OrbitalServerOptions } from '../options';
import { serve } from './node';
import { createOrbitalServer } from '../server';
import { createPgliteStore } from '../store/pglite';
import { createPostgresStore } from '../store/postgres';
import type { Store } from '../store/types';

const HELP = `orbital-server — run the Orbital auth server standalone

Usage:
  orbital-server [options]        run the server
  orbital-server env [options]    print the env lines an app pastes (its framework's variable names,
                                  this instance's keys), then exit; run it in the app's folder

Options (environment variable in brackets):
  --port <n>               port to listen on [PORT] (default 4000)
  --host <name>            interface to bind [HOST] (default localhost)
  --url <url>              public URL of this server [ORBITAL_URL] (default http://localhost:<port>;
                           for \`env\` in an app's folder, the app's http://localhost:$PORT/api/auth)
  --data-dir <dir>         embedded database folder [ORBITAL_DATA_DIR] (default .orbital/data)
  --database-url <url>     use PostgreSQL instead of the embedded database [DATABASE_URL]
  --redis-url <url>        share rate limits and announce ended sessions through Redis [REDIS_URL]
                           (several instances behind a load balancer: give them all the same one)
  --mode <mode>            development | production [ORBITAL_MODE] (default development)
  --framework <name>       for \`env\`: nextjs | nuxt | tanstack-start | vue (default: from package.json)
  --trusted-origin <url>   an app origin allowed to redirect here, repeatable [ORBITAL_TRUSTED_ORIGINS, comma-separated]
  --token-ttl <s>          session token lifetime in seconds [ORBITAL_TOKEN_TTL] (default 60)
  --inactivity-timeout <s> seconds, or "off" [ORBITAL_INACTIVITY_TIMEOUT] (default 7 days)
  --maximum-lifetime <s>   seconds, or "off" [ORBITAL_MAXIMUM_LIFETIME] (default 7 days)
  --print-secret-key       print a new secret key and exit
The secret key comes from ORBITAL_SECRET_KEY; in development one is generated and kept next to the data folder.
Email (verification codes, password resets, invitations): ORBITAL_SMTP_URL (smtp://user:password@host:587),
ORBITAL_EMAIL_FROM; without them, development keeps mail on /dev/mailbox and prints codes here.
ORBITAL_REQUIRE_EMAIL_VERIFICATION (default true), ORBITAL_VERIFICATION_TTL (seconds, default 600).
Also read: ORBITAL_RATE_LIMIT_PER_MINUTE, ORBITAL_SIGNING_ALGORITHM (ES256 | RS256), ORBITAL_TRUST_PROXY,
ORBITAL_KEY_ENCRYPTION_KEY.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      mode: { type: 'string' },
      framework: { type: 'string' },
      'trusted-origin': { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      'inactivity-timeout': { type: 'string' },
      'maximum-lifetime': { type: 'string' },
      'print-secret-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  const command = positionals[0];
  if (command !== undefined && command !== 'env')
    throw new ConfigurationError('configuration_invalid', `Unknown command "${command}": run orbital-server --help.`);
  // Flags win over env vars; both go through the one env parser the apps that host the server use too.
  const flags: Record<string, string | undefined> = {
    ORBITAL_MODE: values.mode,
    ORBITAL_TOKEN_TTL: values['token-ttl'],
    ORBITAL_INACTIVITY_TIMEOUT: values['inactivity-timeout'],
    ORBITAL_MAXIMUM_LIFETIME: values['maximum-lifetime'],
    ORBITAL_TRUSTED_ORIGINS: values['trusted-origin']?.join(','),
    ORBITAL_DATA_DIR: values['data-dir'],
  };
  const env = { ...process.env, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  const settings = serverOptionsFromEnv(env);
  const mode = settings.mode ?? 'development';
  if (values['print-secret-key']) return void console.log(createSecretKey(mode));

  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const dataDir = dataDirFromEnv(env);
  const openStore = () =>
    databaseUrl ? createPostgresStore({ connectionString: databaseUrl }) : createPgliteStore(dataDir);
  if (command === 'env')
    return printEnv({
      env,
      mode,
      settings,
      openStore,
      dataDir,
      url: values.url ?? env.ORBITAL_URL,
      framework: values.framework,
    });

  const port = Number(values.port ?? env.PORT ?? 4000);
  const host = values.host ?? env.HOST ?? 'localhost';
  const url = values.url ?? env.ORBITAL_URL ?? `http://localhost:${port}`;
  const redisUrl = values['redis-url'] ?? env.REDIS_URL;

  const store = await openStore();
  const secretKey = settings.secretKey ?? (mode === 'development' ? developmentSecretKey(dataDir) : undefined);
  const sharedState = redisUrl ? (await import('../store/redis')).createRedisSharedState({ url: redisUrl }) : undefined;
  const server = createOrbitalServer({
    ...settings,
    url,
    mode,
    store,
    ...(sharedState && { sharedState }),
    ...(secretKey && { secretKey }),
  });
  const listening = await serve(server.handler, { port, hostname: host });
  const lines = envLines(
    { publishableKey: server.publishableKey, secretKey, jwtKey: JSON.stringify(await server.jwks()) },
    detectFramework(process.cwd()),
  );

  console.log(`
  Orbital auth server (${mode}) on ${url}
  Store:   ${databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}
  Shared:  ${redisUrl ? 'Redis (rate limits, ended-session announcements)' : 'in-process (one instance)'}
  Health:  ${url}/health

  Sign up:  ${url}/sign-up
  Sign in:  ${url}/sign-in
  Account:  ${url}/user
  JWKS:     ${url}/.well-known/jwks.json

  Point an app at it (its .env; \`orbital-server env --url ${url}\` in the app's folder prints just its lines):
${lines.map((line) => `    ${line}`).join('\n')}
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

interface EnvCommand {
  env: Record<string, string | undefined>;
  mode: InstanceMode;
  settings: Partial<OrbitalServerOptions>;
  openStore: () => Promise<Store>;
  dataDir: string;
  url: string | undefined;
  framework: string | undefined;
}

/**
 * `orbital-server env`: the lines an app pastes, for the framework in use and one instance's keys.
 * The JWKS comes from the server running at the URL when it answers, else from the data folder
 * (or database) itself, so the lines always belong to the instance the app will talk to.
 */
async function printEnv({
  env,
  mode,
  settings,
  openStore,
  dataDir,
  url: givenUrl,
  framework: given,
}: EnvCommand): Promise<void> {
  if (given !== undefined && !(given in FRAMEWORKS))
    throw new ConfigurationError(
      'configuration_invalid',
      `--framework must be one of ${Object.keys(FRAMEWORKS).join(', ')}, got "${given}".`,
    );
  const framework = (given as Framework | undefined) ?? detectFramework(process.cwd());
  if (mode === 'production' && !givenUrl)
    throw new ConfigurationError(
      'configuration_invalid',
      'orbital-server env --mode production needs the public URL: --url https://app.example.com/api/auth (or ORBITAL_URL).',
    );
  // In an app's folder: the auth server the app hosts; elsewhere a standalone server's default.
  const url = givenUrl ?? (framework ? appAuthServerUrl(env) : `http://localhost:${env.PORT ?? 4000}`);
  const newSecret = mode === 'production' && !settings.secretKey;
  const secretKey =
    settings.secretKey ?? (mode === 'development' ? developmentSecretKey(dataDir) : createSecretKey('production'));
  // A running server holds its data folder: ask it rather than open the folder a second time.
  // This server only reads (or creates) the instance's signing key: it sends no mail.
  const jwks =
    (await runningJwks(url)) ??
    (await storedJwks({
      ...settings,
      url,
      mode,
      secretKey,
      requireEmailVerification: false,
      store: await openStore(),
    }));
  const file = framework ? FRAMEWORKS[framework].file : '.env';
  console.log(`# Orbital (${mode}) at ${url}${framework ? ` for ${framework}` : ''}: paste into ${file}`);
  if (newSecret)
    console.log(
      '# A new secret key: give the same one to the auth server and every app of this instance, and keep it secret.',
    );
  console.log(
    envLines(
      { publishableKey: createPublishableKey(url, mode), secretKey, jwtKey: JSON.stringify(jwks) },
      framework,
    ).join('\n'),
  );
  if (mode === 'production' && !settings.email?.smtpUrl)
    console.log(
      '# The auth server emails verification codes: set ORBITAL_SMTP_URL=smtp://user:password@host:587 and ORBITAL_EMAIL_FROM="App <no-reply@example.com>" where it runs.',
    );
}

/** The JWKS of the instance in a store (its signing key created if it has none yet). */
async function storedJwks(options: OrbitalServerOptions): Promise<unknown> {
  const server = createOrbitalServer(options);
  try {
    return await server.jwks();
  } finally {
    await server.close();
  }
}

/** The JWKS of a server already answering at `url`, or undefined. */
async function runningJwks(url: string): Promise<unknown> {
  try {
    const response = await fetch(`${url}/.well-known/jwks.json`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error && 'code' in error
      ? `orbital-server: ${error.message} (${String((error as { code: unknown }).code)})`
      : error,
  );
  process.exit(1);
});
