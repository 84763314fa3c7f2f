import { parseSetCookie } from 'cookie';
import { cookieNames, type JwtPayload } from '@orbital/core';
import { createOrbitalServer, type OrbitalServer } from '../src/server';
import type { OrbitalServerOptions } from '../src/options';
import { createMemoryStore } from '../src/store/memory-store';

export const URL_BASE = 'http://localhost:4000';
export const APP = 'http://localhost:3000';

/** A clock the tests move by hand, in seconds. */
export function testClock(start = Math.floor(Date.now() / 1000)) {
  let now = start;
  return { now: () => now * 1000, seconds: () => now, advance: (s: number) => void (now += s) };
}

export function testServer(overrides: Partial<OrbitalServerOptions> = {}) {
  const clock = testClock();
  // The test app is another origin than the auth server: trusted only because it is listed.
  const server = createOrbitalServer({
    url: URL_BASE,
    store: createMemoryStore(),
    now: clock.now,
    // Production tests are about other things than email: sign-up completes at once there, unless a test says otherwise.
    ...(overrides.mode === 'production' && { requireEmailVerification: false }),
    ...overrides,
    trustedOrigins: [APP, ...(overrides.trustedOrigins ?? [])],
  });
  return { server, clock, names: cookieNames(server.publishableKey) };
}

/** One browser: keeps cookies between requests and sends them, like a real one would. */
export class Browser {
  constructor(
    private readonly server: OrbitalServer,
    private readonly origin = APP,
    private readonly ip = '10.0.0.1',
    /** Its cookies; share one jar to send the same browser's requests to several instances. */
    readonly jar = new Map<string, string>(),
  ) {}

  async fetch(
    path: string,
    init: {
      method?: string;
      json?: unknown;
      form?: Record<string, string>;
      body?: string;
      origin?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    const origin = init.origin === undefined ? this.origin : init.origin;
    if (origin) headers.set('origin', origin);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await this.server.handler(
      new Request(new URL(path, URL_BASE), {
        method: init.method ?? (body !== undefined ? 'POST' : 'GET'),
        headers,
        body,
      }),
      { ip: this.ip },
    );
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || !cookie.value) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }

  async json<T = Record<string, any>>(
    path: string,
    init: Parameters<Browser['fetch']>[1] = {},
  ): Promise<{ status: number; body: T; response: Response }> {
    const response = await this.fetch(path, init);
    return { status: response.status, body: (await response.json()) as T, response };
  }

  /** Signs up as a person would: with verification required, the code from the email completes it. */
  async signUp(email: string, password = 'a long enough passphrase', extra: JwtPayload = {}) {
    const started = await this.json('/v1/sign-ups', { json: { email, password, ...extra } });
    if (started.status !== 202) return started;
    return this.json(`/v1/sign-ups/${started.body.verification.id}/verify`, {
      json: { code: await this.latestCode(email) },
    });
  }

  /**
   * Submits the hosted sign-up form as a person would: with verification required, the code page
   * that answers is filled in with the code from the email. Returns the last response.
   */
  async signUpWithForm(form: Record<string, string>): Promise<Response> {
    const submitted = await this.fetch('/sign-up', { form });
    const page = submitted.status === 200 ? await submitted.clone().text() : '';
    const id = /name="verification_id" value="([^"]+)"/.exec(page)?.[1];
    if (!id) return submitted;
    const target = /name="redirect_url" value="([^"]*)"/.exec(page)?.[1] ?? '';
    return this.fetch('/sign-up/verify', {
      form: { verification_id: id, code: await this.latestCode(form.email!), redirect_url: decodeEntities(target) },
    });
  }

  /** The code in the newest message to `email` in the development mailbox. */
  async latestCode(email: string): Promise<string> {
    const { body } = await this.json<{ messages: Array<{ to: string; code: string | null }> }>('/v1/dev/mailbox');
    const code = body.messages.find((m) => m.to === email.toLowerCase())?.code;
    if (!code) throw new Error(`No code was sent to ${email}: ${JSON.stringify(body)}`);
    return code;
  }

  signIn(email: string, password = 'a long enough passphrase') {
    return this.json('/v1/sign-ins', { json: { identifier: email, password } });
  }

  async token(sessionId: string) {
    return this.json(`/v1/client/sessions/${sessionId}/tokens`, { method: 'POST' });
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
