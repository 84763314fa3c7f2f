import { describe, expect, it } from 'vitest';
import { Browser, testServer } from '../../test/harness';

describe("the signed-in user's account", () => {
  it('needs an active session', async () => {
    const browser = new Browser(testServer().server);
    expect((await browser.json('/v1/me')).body.error.code).toBe('client_not_found');
  });

  it('updates the profile', async () => {
    const browser = new Browser(testServer().server);
    await browser.signUp('me@example.com');
    const result = await browser.json('/v1/me', {
      method: 'PATCH',
      json: { firstName: '  Katherine ', lastName: 'Johnson' },
    });
    expect(result.body.user).toMatchObject({ firstName: 'Katherine', lastName: 'Johnson' });
    expect((await browser.json('/v1/me')).body.user.firstName).toBe('Katherine');
  });

  it('changes the password only with the current one, and can sign out other devices', async () => {
    const { server } = testServer();
    const phone = new Browser(server);
    await phone.signUp('pw@example.com', 'first password here');
    const laptop = new Browser(server);
    const laptopSession = (await laptop.signIn('pw@example.com', 'first password here')).body.sessionId;

    expect(
      (await phone.json('/v1/me/password', { json: { currentPassword: 'wrong', newPassword: 'second password here' } }))
        .body.error.code,
    ).toBe('password_incorrect');
    expect(
      (await phone.json('/v1/me/password', { json: { currentPassword: 'first password here', newPassword: 'short' } }))
        .body.error.code,
    ).toBe('password_weak');
    expect(
      (
        await phone.json('/v1/me/password', {
          json: {
            currentPassword: 'first password here',
            newPassword: 'second password here',
            signOutOtherSessions: true,
          },
        })
      ).status,
    ).toBe(200);

    expect((await laptop.token(laptopSession)).status).toBe(404);
    expect((await new Browser(server).signIn('pw@example.com', 'first password here')).status).toBe(422);
    expect((await new Browser(server).signIn('pw@example.com', 'second password here')).status).toBe(200);
  });

  it("lists the user's sessions on every device and revokes one", async () => {
    const { server } = testServer();
    const phone = new Browser(server);
    const phoneSession = (await phone.signUp('many@example.com')).body.sessionId;
    const laptop = new Browser(server);
    const laptopSession = (await laptop.signIn('many@example.com')).body.sessionId;

    const listed = (await phone.json('/v1/me/sessions')).body.sessions;
    expect(listed.map((s: { id: string; current: boolean }) => [s.id, s.current])).toEqual([
      [phoneSession, true],
      [laptopSession, false],
    ]);
    const after = await phone.json(`/v1/me/sessions/${laptopSession}/revoke`, { method: 'POST' });
    expect(after.body.sessions).toHaveLength(1);
    expect((await laptop.token(laptopSession)).status).toBe(404);
    expect((await laptop.json('/v1/client')).body.client).toMatchObject({ lastActiveSessionId: null, uat: 0 });
  });

  it("cannot revoke someone else's session", async () => {
    const { server } = testServer();
    const victim = new Browser(server);
    const sessionId = (await victim.signUp('v@example.com')).body.sessionId;
    const attacker = new Browser(server);
    await attacker.signUp('a@example.com');
    expect((await attacker.json(`/v1/me/sessions/${sessionId}/revoke`, { method: 'POST' })).status).toBe(404);
    expect((await victim.token(sessionId)).status).toBe(200);
  });
});
