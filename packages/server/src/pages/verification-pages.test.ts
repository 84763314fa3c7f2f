import { describe, expect, it } from 'vitest';
import { Browser, URL_BASE, testServer } from '../../test/harness';

const pagesBrowser = (server: ReturnType<typeof testServer>['server'], ip?: string) =>
  new Browser(server, URL_BASE, ip);
const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('hosted pages for codes sent by email', () => {
  it('asks for the sign-up code, says what was wrong and how many tries are left, then signs in', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    const asked = await browser.fetch('/sign-up', {
      form: { email: 'ada@example.com', password: 'lighthouse tangerine 7', redirect_url: 'http://localhost:3000/in' },
    });
    const page = await asked.text();
    expect(page).toContain('Check your email');
    expect(page).toContain('<strong>ada@example.com</strong>');
    expect(page).toMatch(/<label for="code">Verification code<\/label>/);
    expect(page).toContain('autocomplete="one-time-code"');
    const id = field(page, 'verification_id');
    const wrong = await browser.fetch('/sign-up/verify', {
      form: { verification_id: id, code: '000000', redirect_url: 'http://localhost:3000/in' },
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toMatch(/role="alert"[^>]*>That code is not right.*4 attempts left/);
    const right = await browser.fetch('/sign-up/verify', {
      form: {
        verification_id: id,
        code: await browser.latestCode('ada@example.com'),
        redirect_url: 'http://localhost:3000/in',
      },
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('http://localhost:3000/in');
    expect(await (await browser.fetch('/user')).text()).toContain('(verified)');
  });

  it('completes a sign-up from the link in the email, back to where it started', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.fetch('/sign-up', {
      form: { email: 'link@example.com', password: 'lighthouse tangerine 7', redirect_url: 'http://localhost:3000/in' },
    });
    const { body } = await browser.json<{ messages: Array<{ link: string }> }>('/v1/dev/mailbox');
    const opened = await browser.fetch(
      new URL(body.messages[0]!.link).pathname + new URL(body.messages[0]!.link).search,
    );
    expect(opened.headers.get('location')).toBe('http://localhost:3000/in');
    const again = await browser.fetch(
      new URL(body.messages[0]!.link).pathname + new URL(body.messages[0]!.link).search,
    );
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('already used');
  });

  it('resets a forgotten password from the sign-in page, and signs in with the new one', async () => {
    const { server } = testServer();
    await pagesBrowser(server).signUpWithForm({ email: 'ada@example.com', password: 'lighthouse tangerine 7' });
    const browser = pagesBrowser(server, '10.0.0.8');
    expect(await (await browser.fetch('/sign-in')).text()).toMatch(
      /href="[^"]*\/forgot-password[^"]*">Forgot password\?<\/a>/,
    );
    const asked = await (await browser.fetch('/forgot-password', { form: { email: 'ada@example.com' } })).text();
    const askedNobody = await (await browser.fetch('/forgot-password', { form: { email: 'no@example.com' } })).text();
    // The same page whether or not an account uses the address.
    expect(askedNobody.replace(/no@example\.com|ver_[\w-]+/g, '')).toBe(
      asked.replace(/ada@example\.com|ver_[\w-]+/g, ''),
    );
    const reset = await browser.fetch('/reset-password', {
      form: {
        verification_id: field(asked, 'verification_id'),
        code: await browser.latestCode('ada@example.com'),
        password: 'a brand new passphrase',
        signOutOtherSessions: '1',
      },
    });
    expect(reset.status).toBe(303);
    const fresh = pagesBrowser(server, '10.0.0.9');
    const signIn = await fresh.fetch('/sign-in', {
      form: { email: 'ada@example.com', password: 'a brand new passphrase' },
    });
    expect(signIn.status).toBe(303);
  });

  it('changes the email from the account page once the new address is verified', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.signUpWithForm({ email: 'ada@example.com', password: 'lighthouse tangerine 7' });
    const asked = await (await browser.fetch('/user/email', { form: { email: 'ada@new.example' } })).text();
    expect(asked).toContain('<strong>ada@new.example</strong>');
    const done = await browser.fetch('/user/email/verify', {
      form: { verification_id: field(asked, 'verification_id'), code: await browser.latestCode('ada@new.example') },
    });
    expect(done.headers.get('location')).toBe('/user?notice=email');
    const account = await (await browser.fetch('/user?notice=email')).text();
    expect(account).toContain('Your email address was changed.');
    expect(account).toContain('ada@new.example');
  });

  it('lists kept mail on /dev/mailbox in development, with each code', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.fetch('/sign-up', { form: { email: 'ada@example.com', password: 'lighthouse tangerine 7' } });
    const mailbox = await (await browser.fetch('/dev/mailbox')).text();
    expect(mailbox).toContain('to ada@example.com');
    expect(mailbox).toContain(`data-testid="mailbox-code">${await browser.latestCode('ada@example.com')}<`);
  });
});
