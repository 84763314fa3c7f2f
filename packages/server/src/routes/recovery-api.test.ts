import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSecretKey, readJwtPayload } from '@orbital/core';
import { Browser, URL_BASE, testServer } from '../../test/harness';
import { startSilentSmtpServer, startSmtpServer } from '../../test/smtp';
import { createSmtpTransport } from '../email/smtp';

const PASSWORD = 'a long enough passphrase';

describe('email delivery over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());
  afterEach(() => vi.restoreAllMocks());

  it('sends the sign-up code over SMTP: a text and an HTML part, the app’s name, nothing a mail client blocks', async () => {
    const { server } = testServer({ appName: 'Acme', email: { smtpUrl: smtp.url, from: 'Acme <auth@acme.test>' } });
    const browser = new Browser(server);
    const started = await browser.json('/v1/sign-ups', { json: { email: 'Ada@Example.com', password: PASSWORD } });
    expect(started.status).toBe(202);
    expect(started.body.client).toBeNull();
    expect(started.body.verification).toMatchObject({ purpose: 'sign_up', email: 'ada@example.com' });
    const mail = smtp.received.at(-1)!;
    expect(mail).toMatchObject({ from: 'auth@acme.test', to: ['ada@example.com'] });
    expect(mail.raw).toMatch(/multipart\/alternative/);
    expect(mail.raw).toMatch(/text\/plain/);
    expect(mail.raw).toMatch(/text\/html/);
    expect(mail.raw).toContain('Acme');
    expect(mail.raw).not.toMatch(/<script|<img|<link|<iframe/i);

    const done = await browser.json(`/v1/sign-ups/${started.body.verification.id}/verify`, {
      json: { code: smtp.codeFor('ada@example.com') },
    });
    expect(done.status).toBe(201);
    expect(done.body.client.sessions[0].user).toMatchObject({ email: 'ada@example.com', emailVerified: true });
  });

  it('with SMTP unreachable, fails with email_unavailable (503), creates nothing, logs once; it works once mail is back', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = await startSmtpServer();
    await closed.close();
    const { server } = testServer({ email: { smtpUrl: closed.url } });
    const browser = new Browser(server);
    const failed = await browser.fetch('/v1/sign-ups', { json: { email: 'bob@example.com', password: PASSWORD } });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('30');
    expect((await failed.json()).error).toMatchObject({ code: 'email_unavailable' });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toContain('ORBITAL_SMTP_URL');
    // No account, no pending sign-up: the address is free, and a second try starts afresh.
    const { server: again } = testServer({ email: { smtpUrl: smtp.url } });
    expect(
      (await new Browser(again).json('/v1/sign-ups', { json: { email: 'bob@example.com', password: PASSWORD } }))
        .status,
    ).toBe(202);
    expect((await browser.signIn('bob@example.com')).status).toBe(422);
  });
  it('with an SMTP server that accepts and never answers, fails with email_unavailable once its timeout passes, and leaves no connection behind', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hung = await startSilentSmtpServer();
    try {
      const transport = createSmtpTransport(hung.url, { timeout: 0.2 });
      const { server } = testServer({ email: { transport } });
      const failed = await new Browser(server).fetch('/v1/sign-ups', {
        json: { email: 'cleo@example.com', password: PASSWORD },
      });
      expect(failed.status).toBe(503);
      expect((await failed.json()).error).toMatchObject({ code: 'email_unavailable' });
      expect(String(errors.mock.calls[0]![0])).toContain(
        `the mail server at ${new URL(hung.url).host} did not answer within 0.2 s`,
      );
      await vi.waitFor(() => expect(hung.connections()).toBe(0));
    } finally {
      await hung.close();
    }
  });

  it('refuses an SMTP timeout that is not a positive number of seconds', () => {
    for (const timeout of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => createSmtpTransport('smtp://127.0.0.1:25', { timeout })).toThrow(/timeout/);
  });
});

describe('sign-up with email verification', () => {
  it('creates the account and the session only when the code comes back, and the token can say so', async () => {
    const { server } = testServer({ customClaims: { email_verified: '{{user.emailVerified}}' } });
    const browser = new Browser(server);
    const started = await browser.json('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    expect(started.status).toBe(202);
    expect((await browser.signIn('ada@example.com')).body.error.code).toBe('credentials_invalid');
    const done = await browser.json(`/v1/sign-ups/${started.body.verification.id}/verify`, {
      json: { code: await browser.latestCode('ada@example.com') },
    });
    expect(done.status).toBe(201);
    const token = await browser.token(done.body.sessionId);
    expect(readJwtPayload(token.body.jwt)).toMatchObject({ email_verified: true });
  });

  it('answers a wrong code with the attempts left, then refuses the code after five', async () => {
    const { server } = testServer();
    const browser = new Browser(server);
    const { body } = await browser.json('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    const code = await browser.latestCode('ada@example.com');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const verify = (c: string) => browser.json(`/v1/sign-ups/${body.verification.id}/verify`, { json: { code: c } });
    const first = await verify(wrong);
    expect(first.status).toBe(422);
    expect(first.body.error).toMatchObject({ code: 'verification_code_invalid' });
    expect(first.body.error.message).toContain('4 attempts left');
    for (const left of [3, 2, 1]) expect((await verify(wrong)).body.error.message).toContain(`${left} attempt`);
    const fifth = await verify(wrong);
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('verification_attempts_exceeded');
    // Even the right code is refused now: a new one must be asked for.
    expect((await verify(code)).body.error.code).toBe('verification_attempts_exceeded');
  });

  it('refuses an expired code and a used one, each with its own code', async () => {
    const { server, clock } = testServer({ verificationTtl: 300 });
    const browser = new Browser(server);
    const a = await browser.json('/v1/sign-ups', { json: { email: 'old@example.com', password: PASSWORD } });
    const oldCode = await browser.latestCode('old@example.com');
    clock.advance(301);
    const expired = await browser.json(`/v1/sign-ups/${a.body.verification.id}/verify`, { json: { code: oldCode } });
    expect(expired.body.error.code).toBe('verification_expired');

    const b = await browser.json('/v1/sign-ups', { json: { email: 'once@example.com', password: PASSWORD } });
    const code = await browser.latestCode('once@example.com');
    expect((await browser.json(`/v1/sign-ups/${b.body.verification.id}/verify`, { json: { code } })).status).toBe(201);
    const reused = await new Browser(server, undefined, '10.0.0.2').json(
      `/v1/sign-ups/${b.body.verification.id}/verify`,
      { json: { code } },
    );
    expect(reused.body.error.code).toBe('verification_used');
  });

  it('sends a new code on request — not sooner than 30 s after the last, at most five in all — and only the newest works', async () => {
    const { server, clock } = testServer();
    const browser = new Browser(server);
    const { body } = await browser.json('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    const resend = () => browser.fetch(`/v1/verifications/${body.verification.id}/resend`, { method: 'POST' });
    const first = await browser.latestCode('ada@example.com');
    const tooSoon = await resend();
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let sends = 2; sends <= 5; sends++) {
      clock.advance(30);
      expect((await resend()).status).toBe(200);
    }
    clock.advance(30);
    expect((await resend()).status).toBe(429);
    const latest = await browser.latestCode('ada@example.com');
    const verify = (code: string) => browser.json(`/v1/sign-ups/${body.verification.id}/verify`, { json: { code } });
    if (latest !== first) expect((await verify(first)).body.error.code).toBe('verification_code_invalid');
    expect((await verify(latest)).status).toBe(201);
  });

  it('creates no account when the address was taken meanwhile', async () => {
    const { server } = testServer();
    const first = new Browser(server);
    const second = new Browser(server, undefined, '10.0.0.2');
    const a = await first.json('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    const codeA = await first.latestCode('ada@example.com');
    expect((await second.signUp('ada@example.com')).status).toBe(201);
    const late = await first.json(`/v1/sign-ups/${a.body.verification.id}/verify`, { json: { code: codeA } });
    expect(late.body.error.code).toBe('identifier_taken');
  });
});

describe('password reset', () => {
  it('answers the same whether or not an account has the address, and mails only its owner', async () => {
    const { server } = testServer();
    const owner = new Browser(server);
    await owner.signUp('ada@example.com');
    const asker = new Browser(server, undefined, '10.0.0.9');
    const known = await asker.json('/v1/password-resets', { json: { email: 'ada@example.com' } });
    const unknown = await asker.json('/v1/password-resets', { json: { email: 'nobody@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(Object.keys(unknown.body.verification).sort()).toEqual(Object.keys(known.body.verification).sort());
    await expect(asker.latestCode('nobody@example.com')).rejects.toThrow('No code was sent');
    // A guess at the code of a reset nobody received is "wrong", like any wrong code.
    const guess = await asker.json(`/v1/password-resets/${unknown.body.verification.id}`, {
      json: { code: '123456', password: 'another long passphrase' },
    });
    expect(guess.body.error.code).toBe('verification_code_invalid');
  });

  it('sets the new password, ends the user’s other sessions and signs this browser in', async () => {
    const { server } = testServer();
    const laptop = new Browser(server);
    await laptop.signUp('ada@example.com');
    const phone = new Browser(server, undefined, '10.0.0.3');
    const { body } = await phone.json('/v1/password-resets', { json: { email: 'ada@example.com' } });
    const code = await phone.latestCode('ada@example.com');
    // A weak password is refused without using up the code.
    const weak = await phone.json(`/v1/password-resets/${body.verification.id}`, { json: { code, password: 'short' } });
    expect(weak.body.error.code).toBe('password_weak');
    const reset = await phone.json(`/v1/password-resets/${body.verification.id}`, {
      json: { code, password: 'a brand new passphrase' },
    });
    expect(reset.status).toBe(200);
    expect(reset.body.client.sessions[0].user).toMatchObject({ email: 'ada@example.com', emailVerified: true });
    expect((await laptop.json('/v1/client')).body.client.sessions).toEqual([]);
    expect((await new Browser(server, undefined, '10.0.0.4').signIn('ada@example.com')).status).toBe(422);
    expect(
      (await new Browser(server, undefined, '10.0.0.4').signIn('ada@example.com', 'a brand new passphrase')).status,
    ).toBe(200);
  });

  it('answers the same even when mail cannot be sent: the failure is logged, and asking again works', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let down = true;
    const sent: string[] = [];
    const { server, clock } = testServer({
      requireEmailVerification: false,
      email: {
        transport: {
          send: async (message) => {
            if (down) throw new Error('SMTP down');
            sent.push(message.to);
          },
        },
      },
    });
    await new Browser(server).signUp('ada@example.com');
    const asker = new Browser(server, undefined, '10.0.0.11');
    const known = await asker.json('/v1/password-resets', { json: { email: 'ada@example.com' } });
    const unknown = await asker.json('/v1/password-resets', { json: { email: 'nobody@example.com' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
    down = false;
    clock.advance(30);
    const resent = (id: string) => asker.fetch(`/v1/verifications/${id}/resend`, { method: 'POST' });
    expect((await resent(known.body.verification.id)).status).toBe(200);
    expect((await resent(unknown.body.verification.id)).status).toBe(200);
    await vi.waitFor(() => expect(sent).toEqual(['ada@example.com']));
    errors.mockRestore();
  });

  it('is limited per address and per IP', async () => {
    const { server } = testServer({
      rateLimits: {
        passwordResetPerIdentifier: { limit: 2, window: 3600 },
        passwordResetPerIp: { limit: 3, window: 3600 },
      },
    });
    const asker = new Browser(server, undefined, '10.0.0.5');
    const ask = (email: string, b = asker) => b.fetch('/v1/password-resets', { json: { email } });
    expect((await ask('a@example.com')).status).toBe(202);
    expect((await ask('a@example.com')).status).toBe(202);
    expect((await ask('a@example.com')).status).toBe(429);
    expect((await ask('b@example.com')).status).toBe(429); // the IP's third and fourth
    expect((await ask('b@example.com', new Browser(server, undefined, '10.0.0.6'))).status).toBe(202);
  });
});

describe('email change', () => {
  it('verifies the new address before it replaces the old one, and tells the old one', async () => {
    const { server } = testServer();
    const browser = new Browser(server);
    await browser.signUp('ada@example.com');
    const started = await browser.json('/v1/me/email', { json: { email: 'ada@new.example' } });
    expect(started.status).toBe(202);
    expect((await browser.json('/v1/me')).body.user.email).toBe('ada@example.com');
    const done = await browser.json(`/v1/me/email/${started.body.verification.id}/verify`, {
      json: { code: await browser.latestCode('ada@new.example') },
    });
    expect(done.body.user).toMatchObject({ email: 'ada@new.example', emailVerified: true });
    const { body } = await browser.json<{ messages: Array<{ to: string; subject: string; text: string }> }>(
      '/v1/dev/mailbox',
    );
    expect(body.messages[0]).toMatchObject({ to: 'ada@example.com', subject: expect.stringContaining('changed') });
    expect(body.messages[0]!.text).toContain('ada@new.example');
  });

  it('verifies the current address of an account made with verification off, with no notice', async () => {
    const { server } = testServer({ requireEmailVerification: false });
    const browser = new Browser(server);
    const made = await browser.signUp('ada@example.com');
    expect(made.body.client.sessions[0].user.emailVerified).toBe(false);
    const started = await browser.json('/v1/me/email', { json: { email: 'ada@example.com' } });
    const done = await browser.json(`/v1/me/email/${started.body.verification.id}/verify`, {
      json: { code: await browser.latestCode('ada@example.com') },
    });
    expect(done.body.user).toMatchObject({ email: 'ada@example.com', emailVerified: true });
    const { body } = await browser.json<{ messages: Array<{ subject: string }> }>('/v1/dev/mailbox');
    expect(body.messages.map((m) => m.subject)).not.toContainEqual(expect.stringContaining('changed'));
    const again = await browser.json('/v1/me/email', { json: { email: 'ada@example.com' } });
    expect(again.body.error.message).toContain('already your email address');
  });

  it('refuses an address another account has, and a code for someone else’s change', async () => {
    const { server } = testServer();
    const ada = new Browser(server);
    const bob = new Browser(server, undefined, '10.0.0.7');
    await ada.signUp('ada@example.com');
    await bob.signUp('bob@example.com');
    expect((await ada.json('/v1/me/email', { json: { email: 'bob@example.com' } })).body.error.code).toBe(
      'identifier_taken',
    );
    const started = await ada.json('/v1/me/email', { json: { email: 'ada@new.example' } });
    const stolen = await bob.json(`/v1/me/email/${started.body.verification.id}/verify`, {
      json: { code: await ada.latestCode('ada@new.example') },
    });
    expect(stolen.body.error.code).toBe('verification_not_found');
  });
});

describe('the development mailbox', () => {
  it('prints each code in the terminal and is refused on a production instance', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { server } = testServer();
    await new Browser(server).fetch('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/email to ada@example\.com: .* code \d{6}/);
    log.mockRestore();
    const { server: production } = testServer({
      mode: 'production',
      url: 'https://auth.example.com',
      secretKey: createSecretKey('production'),
      email: { transport: { send: async () => {} } },
    });
    const refused = await production.handler(new Request('https://auth.example.com/v1/dev/mailbox'));
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toContain('only on a development instance');
  });

  it('a production instance that must send codes and cannot is refused at start, saying what to set', () => {
    expect(() =>
      testServer({
        mode: 'production',
        url: 'https://auth.example.com',
        secretKey: createSecretKey('production'),
        requireEmailVerification: true,
      }),
    ).toThrowError(/ORBITAL_SMTP_URL/);
  });
});

describe('hostile input to the email flows', () => {
  it('applies an email change only for the user who asked for it, on the page as in the API', async () => {
    const { server } = testServer();
    const ada = new Browser(server, URL_BASE);
    const eve = new Browser(server, URL_BASE, '10.0.0.66');
    await ada.signUp('ada@example.com');
    await eve.signUp('eve@example.com');
    const started = await ada.json('/v1/me/email', { json: { email: 'ada@new.example' } });
    const code = await ada.latestCode('ada@new.example');
    const page = await eve.fetch('/user/email/verify', {
      form: { verification_id: started.body.verification.id, code },
    });
    expect(page.status).toBe(404);
    expect((await ada.json('/v1/me')).body.user.email).toBe('ada@example.com');
    // Still the owner's to complete.
    const done = await ada.json(`/v1/me/email/${started.body.verification.id}/verify`, { json: { code } });
    expect(done.body.user.email).toBe('ada@new.example');
  });

  it('refuses a tampered link, an oversize code, and a verification of another kind', async () => {
    const { server } = testServer();
    const browser = new Browser(server, URL_BASE);
    const link = await browser.fetch('/verify?token=forged-token-that-was-never-sent');
    expect(link.status).toBe(404);
    expect(await link.text()).toContain('This link does not work');
    const { body } = await browser.json('/v1/sign-ups', { json: { email: 'ada@example.com', password: PASSWORD } });
    const oversize = await browser.json(`/v1/sign-ups/${body.verification.id}/verify`, {
      json: { code: '1'.repeat(5000) },
    });
    expect([oversize.status, oversize.body.error.code]).toEqual([400, 'request_invalid']);
    const otherKind = await browser.json(`/v1/password-resets/${body.verification.id}`, {
      json: { code: await browser.latestCode('ada@example.com'), password: 'another long passphrase' },
    });
    expect(otherKind.body.error.code).toBe('verification_not_found');
    // The code still works where it belongs: the wrong-kind attempt used nothing up.
    const right = await browser.json(`/v1/sign-ups/${body.verification.id}/verify`, {
      json: { code: await browser.latestCode('ada@example.com') },
    });
    expect(right.status).toBe(201);
  });

  it('refuses the flows from an origin the server does not trust, and does not share the mailbox with it', async () => {
    const { server } = testServer();
    const stranger = new Browser(server, 'https://evil.example');
    for (const path of ['/v1/sign-ups', '/v1/password-resets'])
      expect((await stranger.json(path, { json: { email: 'ada@example.com', password: PASSWORD } })).status).toBe(403);
    const mailbox = await stranger.fetch('/v1/dev/mailbox');
    expect(mailbox.headers.get('access-control-allow-origin')).toBeNull();
  });
});
