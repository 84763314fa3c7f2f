import { describe, expect, it } from 'vitest';
import { DEV_BROWSER_PARAM, createSecretKey } from '@orbital/core';
import { URL_BASE, testServer } from '../../test/harness';

// An app on another site: its requests carry no auth-server cookies at all (third-party cookies blocked).
const APP = 'http://127.0.0.1:3001';
const OTHER = 'http://127.0.0.1:3002';

function call(
  server: ReturnType<typeof testServer>['server'],
  path: string,
  init: { method?: string; json?: unknown; origin?: string; base?: string } = {},
) {
  return server.handler(
    new Request(new URL(path, init.base ?? URL_BASE), {
      method: init.method ?? (init.json ? 'POST' : 'GET'),
      headers: { origin: init.origin ?? APP, ...(init.json !== undefined && { 'content-type': 'application/json' }) },
      ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
    }),
  );
}

describe('development-browser tokens (URL-based session syncing)', () => {
  // Sign-up completes at once here (these tests are about the token); the verified one is below.
  const devServer = () => testServer({ trustedOrigins: [APP], requireEmailVerification: false });

  it('stand in for the client cookie on API calls from the origin that created them', async () => {
    const { server } = devServer();
    const created = await call(server, '/v1/dev-browser', { json: {} });
    expect(created.status).toBe(201);
    const { token } = await created.json();

    const signUp = await (
      await call(server, `/v1/sign-ups?${DEV_BROWSER_PARAM}=${token}`, {
        json: { email: 'dev@example.com', password: 'cross site passphrase' },
      })
    ).json();
    // fresh credentials at sign-up: the token the browser had does not name the signed-in client
    expect(signUp.devBrowser).toMatch(/^[\w-]{40,}$/);
    expect(signUp.devBrowser).not.toBe(token);
    const before = (await (await call(server, `/v1/client?${DEV_BROWSER_PARAM}=${token}`)).json()).client;
    expect(before?.id).not.toBe(signUp.client.id);
    expect(before?.sessions ?? []).toEqual([]);
    const db = `${DEV_BROWSER_PARAM}=${signUp.devBrowser}`;
    const client = (await (await call(server, `/v1/client?${db}`)).json()).client;
    expect(client.id).toBe(signUp.client.id);
    expect(client.sessions).toHaveLength(1);
    const minted = await call(server, `/v1/client/sessions/${client.sessions[0].id}/tokens?${db}`, {
      method: 'POST',
      json: {},
    });
    expect(minted.status).toBe(200);
  });

  it('are refused from any other origin, and from a page that is not a call at all', async () => {
    const { server } = testServer({ trustedOrigins: [APP, OTHER] });
    const { token } = await (await call(server, '/v1/dev-browser', { json: {} })).json();
    const { devBrowser } = await (
      await call(server, `/v1/sign-ups?${DEV_BROWSER_PARAM}=${token}`, {
        json: { email: 'bound@example.com', password: 'cross site passphrase' },
      })
    ).json();
    expect(
      (await (await call(server, `/v1/client?${DEV_BROWSER_PARAM}=${devBrowser}`, { origin: OTHER })).json()).client,
    ).toBeNull();
    // a top-level visit (no Origin header) to a hosted page
    const page = await server.handler(new Request(`${URL_BASE}/user?${DEV_BROWSER_PARAM}=${devBrowser}`));
    expect(await page.text()).not.toContain('bound@example.com');
  });

  it('are never adopted from a URL: a link with someone else’s token cannot fix the victim’s client', async () => {
    const { server, names } = devServer();
    // the attacker's development browser, signed in to the attacker's own account
    const { token } = await (await call(server, '/v1/dev-browser', { json: {} })).json();
    const { devBrowser: attackers } = await (
      await call(server, `/v1/sign-ups?${DEV_BROWSER_PARAM}=${token}`, {
        json: { email: 'mallory@example.com', password: 'cross site passphrase' },
      })
    ).json();
    // the victim follows the attacker's link to the hosted sign-in page…
    const page = await server.handler(
      new Request(
        `${URL_BASE}/sign-in?redirect_url=${encodeURIComponent(`${APP}/after`)}&${DEV_BROWSER_PARAM}=${attackers}`,
      ),
    );
    expect(page.headers.getSetCookie().some((line) => line.includes(attackers))).toBe(false);
    // …and signs in there
    await (
      await call(server, '/v1/sign-ups', {
        json: { email: 'victim@example.com', password: 'victim passphrase 1' },
        origin: URL_BASE,
      })
    ).json();
    const form = new URLSearchParams({
      email: 'victim@example.com',
      password: 'victim passphrase 1',
      redirect_url: `${APP}/after`,
    });
    await server.handler(
      new Request(`${URL_BASE}/sign-in?${DEV_BROWSER_PARAM}=${attackers}`, {
        method: 'POST',
        headers: { origin: URL_BASE, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
    );
    const seen = (await (await call(server, `/v1/client?${DEV_BROWSER_PARAM}=${attackers}`)).json()).client;
    expect(
      seen.sessions.map((s: { user: { emailAddress?: string; email?: string } }) => JSON.stringify(s.user)),
    ).not.toContain(expect.stringContaining('victim@example.com'));
    expect(JSON.stringify(seen)).not.toContain('victim@example.com');
    void names;
  });

  it('go back to the app from the hosted pages as a new token bound to that app, never the client cookie', async () => {
    const { server, names } = devServer();
    await (
      await call(server, '/v1/sign-ups', {
        json: { email: 'hosted@example.com', password: 'cross site passphrase' },
        origin: URL_BASE,
      })
    ).json();
    // the app sent the browser with its development-browser token: the page returns straight to it
    const { token } = await (await call(server, '/v1/dev-browser', { json: {} })).json();
    const shown = await (
      await server.handler(
        new Request(
          `${URL_BASE}/sign-in?redirect_url=${encodeURIComponent(`${APP}/after`)}&${DEV_BROWSER_PARAM}=${token}`,
        ),
      )
    ).text();
    expect(shown).toContain(`name="redirect_url" value="${APP}/after"`);
    // and so does the sign-up page its link leads to
    const signUpLink = /href="(\/sign-up\?[^"]+)"/.exec(shown)![1]!.replaceAll('&amp;', '&');
    const signUpPage = await (await server.handler(new Request(`${URL_BASE}${signUpLink}`))).text();
    expect(signUpPage).toContain(`name="redirect_url" value="${APP}/after"`);
    const form = new URLSearchParams({
      email: 'hosted@example.com',
      password: 'cross site passphrase',
      redirect_url: `${APP}/after`,
    });
    const posted = await server.handler(
      new Request(`${URL_BASE}/sign-in`, {
        method: 'POST',
        headers: { origin: URL_BASE, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
    );
    const cookie = posted.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${names.client}=`))!
      .split(';')[0]!
      .split('=')[1]!;
    const back = new URL(posted.headers.get('location')!);
    const carried = back.searchParams.get(DEV_BROWSER_PARAM)!;
    expect(back.origin).toBe(APP);
    expect(carried).toBeTruthy();
    expect(carried).not.toBe(cookie);
    const client = (await (await call(server, `/v1/client?${DEV_BROWSER_PARAM}=${carried}`)).json()).client;
    expect(JSON.stringify(client)).toContain('hosted@example.com');
  });

  it('are refused by production instances, with a clear error', async () => {
    const { server } = testServer({
      mode: 'production',
      url: 'https://auth.example.com',
      secretKey: createSecretKey('production'),
      trustedOrigins: ['https://app.example.com'],
    });
    const created = await call(server, '/v1/dev-browser', {
      json: {},
      origin: 'https://app.example.com',
      base: 'https://auth.example.com',
    });
    expect(created.status).toBe(400);
    expect((await created.json()).error.code).toBe('dev_browser_refused');
    const used = await call(server, `/v1/client?${DEV_BROWSER_PARAM}=anything`, {
      origin: 'https://app.example.com',
      base: 'https://auth.example.com',
    });
    expect((await used.json()).error.code).toBe('dev_browser_refused');
  });
});
