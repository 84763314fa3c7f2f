import { describe, expect, it } from 'vitest';
import { createSecretKey } from '@orbital/core';
import { Browser, URL_BASE, testServer } from '../../test/harness';

const secretKey = createSecretKey('development');

function backend(
  server: ReturnType<typeof testServer>['server'],
  path: string,
  key: string | null = secretKey,
  method = 'GET',
) {
  return server.handler(
    new Request(`${URL_BASE}${path}`, { method, headers: key ? { authorization: `Bearer ${key}` } : {} }),
  );
}

describe('backend API (secret key)', () => {
  it('reads a session and its user, and revokes the session', async () => {
    const { server } = testServer({ secretKey });
    const browser = new Browser(server);
    const signUp = await browser.signUp('backend@example.com');
    const sessionId = signUp.body.sessionId;

    const read = await (await backend(server, `/v1/backend/sessions/${sessionId}`)).json();
    expect(read.session).toMatchObject({ id: sessionId, status: 'active' });
    const user = await (await backend(server, `/v1/backend/users/${read.session.userId}`)).json();
    expect(user.user.email).toBe('backend@example.com');

    const revoked = await (await backend(server, `/v1/backend/sessions/${sessionId}/revoke`, secretKey, 'POST')).json();
    expect(revoked.session.status).toBe('revoked');
    expect((await browser.token(sessionId)).status).toBe(404);
  });

  it.each([[null], ['sk_test_wrong'], [createSecretKey('development')]])(
    'refuses a missing or wrong key (%s)',
    async (key) => {
      const { server } = testServer({ secretKey });
      const response = await backend(server, '/v1/backend/sessions/sess_x', key);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    },
  );

  it('says how to enable it when no secret key is configured', async () => {
    const response = await backend(testServer().server, '/v1/backend/sessions/sess_x');
    expect((await response.json()).error.message).toContain('ORBITAL_SECRET_KEY');
  });

  it('reports a session that ended by inactivity', async () => {
    const { server, clock } = testServer({ secretKey, lifetime: { inactivityTimeout: 100 } });
    const sessionId = (await new Browser(server).signUp('idle@example.com')).body.sessionId;
    clock.advance(101);
    expect((await (await backend(server, `/v1/backend/sessions/${sessionId}`)).json()).session.status).toBe(
      'abandoned',
    );
  });
});
