// pnpm bench (server): token-refresh throughput of the auth server on PostgreSQL — one instance,
// two instances on one database, and better-auth's session endpoint on the same database as the
// peer anchor — driven by autocannon on loopback for a bounded time. Also: database writes per
// 1,000 refreshes with and without activity coalescing, and the signing algorithms side by side
// (the server signs with ES256 by default; one run with RS256 shows the trade-off).
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';

const ADMIN_URL = process.env.ORBITAL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const here = new URL('.', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// Every instance serves the same public URL (one publishable key, one set of cookie names), as behind a load balancer.
const PUBLIC_URL = 'http://auth.bench.test';

async function startProcess(script: string, env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [`${here}${script}`], {
    env: { ...process.env, BENCH_URL: PUBLIC_URL, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGKILL') };
}

interface Session {
  path: string;
  headers: Record<string, string>;
}

/** Signs up users, each in its own browser (client), and returns how to refresh each one's token. */
async function orbitalSessions(url: string, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/v1/sign-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ email: `bench.${Date.now()}.${i}@example.com`, password: 'a long enough passphrase' }),
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const { sessionId } = (await response.json()) as { sessionId: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    sessions.push({ path: `/v1/client/sessions/${sessionId}/tokens`, headers: { cookie, origin: PUBLIC_URL } });
  }
  return sessions;
}

async function betterAuthSessions(url: string, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({
        email: `bench.${Date.now()}.${i}@example.com`,
        password: 'a long enough passphrase',
        name: 'Bench',
      }),
    });
    if (!response.ok) throw new Error(`better-auth sign-up failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    sessions.push({ path: '/api/auth/get-session', headers: { cookie, origin: url } });
  }
  return sessions;
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Each connection keeps to one session, as a browser tab would. */
function load(url: string, sessions: Session[], method: 'GET' | 'POST', connections = CONNECTIONS): Promise<Load> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: DURATION,
        initialContext: {},
        requests: [
          {
            method,
            setupRequest: (request: Record<string, unknown>, context: { session?: Session }) => {
              context.session ??= sessions[next++ % sessions.length];
              return {
                ...request,
                path: context.session!.path,
                headers: { ...(request.headers as object), ...context.session!.headers },
              };
            },
          },
        ],
      } as never,
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
  });
}

/** The statements one refresh sends, and PostgreSQL's plan for each with that refresh's values. */
async function refreshPlans(url: string, session: Session, db: pg.Client): Promise<string[]> {
  await fetch(`${url}/__bench/queries`);
  await fetch(`${url}${session.path}`, { method: 'POST', headers: session.headers });
  const sent = (await (await fetch(`${url}/__bench/queries`)).json()) as Array<{ text: string; values: unknown[] }>;
  const plans: string[] = [];
  for (const { text, values } of sent) {
    const rows = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values)).rows as Array<{
      'QUERY PLAN': string;
    }>;
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return plans;
}

/** A million users, each with a client and a session (a quarter of them ended), beside the bench's own. */
async function seedMillion(db: pg.Client): Promise<number> {
  const started = performance.now();
  const n = 1_000_000;
  await db.query(
    `INSERT INTO orbital_users (id, email, password_hash, created_at, updated_at) SELECT 'user_seed_' || g, 'seed' || g || '@example.com', 'x', 0, 0 FROM generate_series(1, $1) g`,
    [n],
  );
  await db.query(
    `INSERT INTO orbital_clients (id, token_hash, last_active_session_id, uat, created_at) SELECT 'client_seed_' || g, md5(g::text), 'sess_seed_' || g, 0, 0 FROM generate_series(1, $1) g`,
    [n],
  );
  await db.query(
    `INSERT INTO orbital_sessions (id, client_id, user_id, status, created_at, last_active_at) SELECT 'sess_seed_' || g, 'client_seed_' || g, 'user_seed_' || g, CASE WHEN g % 4 = 0 THEN 'ended' ELSE 'active' END, 0, 0 FROM generate_series(1, $1) g`,
    [n],
  );
  await db.query('VACUUM ANALYZE');
  return (performance.now() - started) / 1000;
}

const activityWrites = async (url: string) =>
  ((await (await fetch(`${url}/__bench/activity-writes`)).json()) as { activityWrites: number }).activityWrites;

function signingAlgorithms() {
  const data = Buffer.from('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEiLCJzaWQiOiJzZXNzXzEifQ');
  const time = (fn: () => unknown, n = 2_000) => {
    for (let i = 0; i < 200; i++) fn();
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return Number(process.hrtime.bigint() - start) / n / 1000;
  };
  const algorithms = [
    ['RS256 (RSA-2048)', generateKeyPairSync('rsa', { modulusLength: 2048 }), 'sha256', undefined],
    ['ES256 (P-256)', generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'sha256', 'ieee-p1363'],
    ['EdDSA (Ed25519)', generateKeyPairSync('ed25519'), null, undefined],
  ] as const;
  return algorithms.map(([name, keys, hash, dsaEncoding]) => {
    const key = dsaEncoding ? { key: keys.privateKey, dsaEncoding } : keys.privateKey;
    const pub = dsaEncoding ? { key: keys.publicKey, dsaEncoding } : keys.publicKey;
    const signature = sign(hash, data, key);
    return {
      name,
      signUs: time(() => sign(hash, data, key)),
      verifyUs: time(() => verify(hash, data, pub, signature)),
    };
  });
}

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const name = `orbital_bench_${process.pid}`;
await admin.query(`CREATE DATABASE ${name}`);
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).href;
const stops: Array<() => void> = [];
const results: Record<string, Load> = {};
const writes: Record<string, number> = {};
const plans: Record<string, string[]> = {};
let seedSeconds = 0;

try {
  // One instance, default coalescing.
  const one = await startProcess('serve-orbital.ts', { BENCH_DATABASE_URL: databaseUrl });
  stops.push(one.stop);
  const sessions = await orbitalSessions(one.url, CONNECTIONS);
  await load(one.url, sessions, 'POST', 10); // warm-up: JIT, pool, key cache
  let before = await activityWrites(one.url);
  results['Orbital, 1 instance'] = await load(one.url, sessions, 'POST');
  writes['coalesced (default: at most once a minute per session)'] =
    (((await activityWrites(one.url)) - before) * 1000) / results['Orbital, 1 instance'].requests;
  const bench = new pg.Client({ connectionString: databaseUrl });
  await bench.connect();
  plans['empty database'] = await refreshPlans(one.url, sessions[0]!, bench);

  // The same sessions again, among a million others: a refresh must stay one indexed query.
  seedSeconds = await seedMillion(bench);
  await load(one.url, sessions, 'POST', 10);
  results['Orbital, 1 instance, 1M sessions in the database'] = await load(one.url, sessions, 'POST');
  plans['1,000,000 sessions'] = await refreshPlans(one.url, sessions[0]!, bench);
  await bench.end();
  one.stop();

  // The same with RS256 signing: dearer for the auth server, cheaper for app servers.
  const rsa = await startProcess('serve-orbital.ts', { BENCH_DATABASE_URL: databaseUrl, BENCH_ALGORITHM: 'RS256' });
  stops.push(rsa.stop);
  await load(rsa.url, sessions, 'POST', 10);
  results['Orbital, 1 instance, RS256'] = await load(rsa.url, sessions, 'POST');
  rsa.stop();

  // Writing last_active_at on every token: what coalescing saves.
  const eager = await startProcess('serve-orbital.ts', { BENCH_DATABASE_URL: databaseUrl, BENCH_WRITE_INTERVAL: '0' });
  stops.push(eager.stop);
  await load(eager.url, sessions, 'POST', 10);
  before = await activityWrites(eager.url);
  results['Orbital, 1 instance, a write per token'] = await load(eager.url, sessions, 'POST');
  writes['not coalesced (a write per token)'] =
    (((await activityWrites(eager.url)) - before) * 1000) / results['Orbital, 1 instance, a write per token'].requests;
  eager.stop();

  // Two instances on one database, the load split between them.
  const [a, b] = [
    await startProcess('serve-orbital.ts', { BENCH_DATABASE_URL: databaseUrl }),
    await startProcess('serve-orbital.ts', { BENCH_DATABASE_URL: databaseUrl }),
  ];
  stops.push(a.stop, b.stop);
  const half = CONNECTIONS / 2;
  const [ra, rb] = await Promise.all([
    load(a.url, sessions.slice(0, half), 'POST', half),
    load(b.url, sessions.slice(half), 'POST', half),
  ]);
  results['Orbital, 2 instances'] = {
    requests: ra.requests + rb.requests,
    rps: ra.rps + rb.rps,
    p50: Math.max(ra.p50, rb.p50),
    p99: Math.max(ra.p99, rb.p99),
    errors: ra.errors + rb.errors,
  };
  a.stop();
  b.stop();

  // The peer: better-auth's session endpoint on the same PostgreSQL.
  const peer = await startProcess('serve-better-auth.ts', { BENCH_DATABASE_URL: databaseUrl });
  stops.push(peer.stop);
  const peerSessions = await betterAuthSessions(peer.url, CONNECTIONS);
  await load(peer.url, peerSessions, 'GET', 10);
  results['better-auth get-session'] = await load(peer.url, peerSessions, 'GET');
  peer.stop();
} finally {
  for (const stop of stops) stop();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

console.log(
  `\nToken refresh on PostgreSQL, ${DURATION} s per run, ${CONNECTIONS} connections (one session each), autocannon on the same 2-core machine`,
);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([k, r]) => [
      k,
      { 'requests/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99, requests: r.requests, errors: r.errors },
    ]),
  ),
);
const one = results['Orbital, 1 instance']!;
console.log(
  `1M sessions / empty database: ${(results['Orbital, 1 instance, 1M sessions in the database']!.rps / one.rps).toFixed(2)}x (seeding took ${seedSeconds.toFixed(0)} s)`,
);
console.log(`two instances / one: ${(results['Orbital, 2 instances']!.rps / one.rps).toFixed(2)}x`);
console.log(
  `Orbital (1 instance) / better-auth get-session: ${(one.rps / results['better-auth get-session']!.rps).toFixed(2)}x`,
);
for (const [label, statements] of Object.entries(plans)) {
  console.log(`\nOne token refresh, ${label}: ${statements.length} statement(s)`);
  for (const plan of statements) console.log(plan.replace(/^/gm, '  '));
}
console.log('\nActivity writes (UPDATE orbital_sessions SET last_active_at) per 1,000 token refreshes');
console.table(Object.fromEntries(Object.entries(writes).map(([k, v]) => [k, { writes: Math.round(v) }])));
console.log('\nSigning algorithms, node:crypto, µs per operation');
console.table(
  Object.fromEntries(
    signingAlgorithms().map((a) => [a.name, { sign: a.signUs.toFixed(1), verify: a.verifyUs.toFixed(1) }]),
  ),
);
