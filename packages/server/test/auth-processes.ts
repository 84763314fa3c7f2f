import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseSetCookie } from 'cookie';
import { cookieNames, createPublishableKey, createSecretKey } from '@orbital/core';
import { freePort } from './services';

/** Every instance serves one public URL (one publishable key, one set of cookie names), as behind a load balancer. */
export const PUBLIC_URL = 'http://auth.faults.test';
export const APP_ORIGIN = 'http://app.faults.test';
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface AuthProcess {
  url: string;
  /** Everything it wrote to stderr: the fault tests assert no "uncaught" line appears. */
  stderr: string[];
  exitCode(): number | null;
  stop(): Promise<void>;
}

/** One `orbital-server` process (the published CLI, built), on PostgreSQL and Redis. */
export async function startAuthProcess(env: {
  DATABASE_URL: string;
  REDIS_URL: string;
  ORBITAL_SECRET_KEY: string;
}): Promise<AuthProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, '--port', String(port), '--host', '127.0.0.1', '--url', PUBLIC_URL],
    {
      env: {
        ...process.env,
        ...env,
        ORBITAL_MODE: 'development',
        // The load signs up without reading mail: accounts exist at once.
        ORBITAL_REQUIRE_EMAIL_VERIFICATION: 'false',
        ORBITAL_TRUSTED_ORIGINS: APP_ORIGIN,
        ORBITAL_RATE_LIMIT_PER_MINUTE: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Orbital auth server') && resolve());
    child.once('exit', (code) => reject(new Error(`orbital-server exited with ${code}: ${stderr.join('')}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stderr,
    exitCode: () => child.exitCode,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const faultSecretKey = () => createSecretKey('development');
export const faultCookieNames = () => cookieNames(createPublishableKey(PUBLIC_URL, 'development'));

/** What one request came back with, as a user (or their browser) would see it. */
export interface Outcome {
  kind: 'refresh' | 'sign-up' | 'sign-out';
  /** HTTP status; 0 when no answer came at all (refused, reset, or the 10 s patience ran out). */
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
  at: number;
}

/** A browser against several instances: each request goes to whichever the caller picks. */
export class FaultBrowser {
  readonly jar = new Map<string, string>();
  sessionId: string | null = null;

  async request(
    kind: Outcome['kind'],
    base: string,
    path: string,
    init: { method?: string; json?: unknown } = {},
  ): Promise<Outcome & { body: Record<string, any> | null }> {
    const started = performance.now();
    const headers: Record<string, string> = { origin: APP_ORIGIN };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(new URL(path, base), {
        method: init.method ?? 'POST',
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        signal: AbortSignal.timeout(10_000),
      });
      for (const line of response.headers.getSetCookie()) {
        const cookie = parseSetCookie(line);
        if (cookie.maxAge === 0 || !cookie.value) this.jar.delete(cookie.name);
        else this.jar.set(cookie.name, cookie.value);
      }
      const body = (await response.json().catch(() => null)) as Record<string, any> | null;
      return {
        kind,
        status: response.status,
        code: body?.error?.code ?? null,
        retryAfter: response.headers.get('retry-after'),
        ms: performance.now() - started,
        at: Date.now(),
        body,
      };
    } catch {
      return {
        kind,
        status: 0,
        code: null,
        retryAfter: null,
        ms: performance.now() - started,
        at: Date.now(),
        body: null,
      };
    }
  }

  async signUp(base: string, email: string): Promise<Outcome & { body: Record<string, any> | null }> {
    const outcome = await this.request('sign-up', base, '/v1/sign-ups', {
      json: { email, password: 'correct horse battery staple 2026' },
    });
    if (outcome.status === 201) this.sessionId = outcome.body!.sessionId;
    return outcome;
  }

  refresh(base: string) {
    return this.request('refresh', base, `/v1/client/sessions/${this.sessionId}/tokens`);
  }
}

/**
 * Bounded load on every instance until `stop()`: `workers` signed-in browsers refreshing their
 * token in turn on each instance, and every tenth request a sign-up of a new user.
 */
export function runLoad(instances: string[], browsers: FaultBrowser[], workers = 8) {
  const outcomes: Outcome[] = [];
  const signedUp: Array<{ email: string; status: number }> = [];
  let running = true;
  let n = 0;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const base = instances[(w + i) % instances.length]!;
      if (i % 10 === 9) {
        const email = `load.${w}.${i}.${Date.now()}@example.com`;
        const outcome = await new FaultBrowser().signUp(base, email);
        signedUp.push({ email, status: outcome.status });
        outcomes.push(outcome);
      } else {
        outcomes.push(await browsers[n++ % browsers.length]!.refresh(base));
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return {
    outcomes,
    signedUp,
    stop: async () => {
      running = false;
      await done;
      return outcomes;
    },
  };
}

/** p-th percentile of latencies, in ms. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
