import { describe, expect, it } from 'vitest';
import { DEV_BROWSER_PARAM, createSecretKey } from '@orbital/core';
import { URL_BASE, testServer } from '../../test/harness';

// An app on another site: its requests carry no auth-server cookies at all (third-party cookies blocked).
const APP = 'http://127.0.0.1:3001';

function call(server: ReturnType<typeof testServer>['server'], path: string, init: { method?: string; json?: unknown; origin?: string; base?: string } = {}) {
  return server.handler(
    new Request(new URL(path, init.base ?? URL_BASE), {
      method: init.method ?? (init.json ? 'POST' : 'GET'),
      headers: { origin: init.origin ?? APP, ...(init.json !== undefined && { 'content-type': 'application/json' }) },
      ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
    }),
  );
}

describe('development-browser tokens (URL-based session syncing)', () => {
  it('stand in for the client cookie on API calls from another site', async () => {
    const { server } = testServer();
    const created = await call(server, '/v1/dev-browser', { json: {} });
    expect(created.status).toBe(201);
    const { token } = await created.json();
    const db = `${DEV_BROWSER_PARAM}=${token}`;

    const signUp = await (await call(server, `/v1/sign-ups?${db}`, { json: { email: 'dev@example.com', password: 'cross site passphrase' } })).json();
    const client = (await (await call(server, `/v1/client?${db}`)).json()).client;
    expect(client.id).toBe(signUp.client.id);
    expect(client.sessions).toHaveLength(1);
    const minted = await call(server, `/v1/client/sessions/${client.sessions[0].id}/tokens?${db}`, { method: 'POST', json: {} });
    expect(minted.status).toBe(200);
  });

  it('carry the client through the hosted pages and back to the app in the URL', async () => {
    // Not a listed satellite: an app on another site in development (localhost origins are trusted there).
    const { server, names } = testServer();
    const { token } = await (await call(server, '/v1/dev-browser', { json: {} })).json();
    const page = await call(server, `/sign-in?redirect_url=${encodeURIComponent(`${APP}/after`)}&${DEV_BROWSER_PARAM}=${token}`);
    // the auth site adopts it as its own first-party client cookie for the form post that follows
    expect(page.headers.getSetCookie().some((l) => l.startsWith(`${names.client}=${token};`))).toBe(true);

    await call(server, `/v1/sign-ups?${DEV_BROWSER_PARAM}=${token}`, { json: { email: 'hosted@example.com', password: 'cross site passphrase' } });
    const form = new URLSearchParams({ email: 'hosted@example.com', password: 'cross site passphrase', redirect_url: `${APP}/after` });
    const posted = await server.handler(
      new Request(`${URL_BASE}/sign-in`, { method: 'POST', headers: { origin: URL_BASE, 'content-type': 'application/x-www-form-urlencoded', cookie: `${names.client}=${token}` }, body: form }),
    );
    const back = new URL(posted.headers.get('location')!);
    expect(back.searchParams.get(DEV_BROWSER_PARAM)).toBe(token);
  });

  it('are refused by production instances, with a clear error', async () => {
    const { server } = testServer({ mode: 'production', url: 'https://auth.example.com', secretKey: createSecretKey('production'), allowedRedirectOrigins: ['https://app.example.com'] });
    const created = await call(server, '/v1/dev-browser', { json: {}, origin: 'https://app.example.com', base: 'https://auth.example.com' });
    expect(created.status).toBe(400);
    expect((await created.json()).error.code).toBe('dev_browser_refused');
    const used = await call(server, `/v1/client?${DEV_BROWSER_PARAM}=anything`, { origin: 'https://app.example.com', base: 'https://auth.example.com' });
    expect((await used.json()).error.code).toBe('dev_browser_refused');
  });
});
