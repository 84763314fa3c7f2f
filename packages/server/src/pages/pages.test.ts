import { describe, expect, it } from 'vitest';
import { Browser, URL_BASE, testServer } from '../../test/harness';

const AUTH = URL_BASE;

/** A browser on the auth server's own pages: forms post with the page's origin. */
const pagesBrowser = (server: ReturnType<typeof testServer>['server']) => new Browser(server, AUTH);

describe('hosted pages', () => {
  it('signs up and in with plain HTML forms, then honours a validated redirect_url', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    const form = await browser.fetch('/sign-up?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fwelcome');
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('<form method="post" action="/sign-up"');
    expect(page).toContain('name="redirect_url" value="http://localhost:3000/welcome"');
    expect(page).toMatch(/<label for="email">/);

    const created = await browser.signUpWithForm({
      email: 'page@example.com',
      password: 'lighthouse tangerine 7',
      firstName: 'Page',
      redirect_url: 'http://localhost:3000/welcome',
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('http://localhost:3000/welcome');

    const profile = await browser.fetch('/user');
    expect(await profile.text()).toContain('page@example.com');
  });

  it('re-renders the form with a specific, accessible error and keeps the email', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.signUpWithForm({ email: 'dup@example.com', password: 'lighthouse tangerine 7' });
    const again = await pagesBrowser(server).fetch('/sign-up', {
      form: { email: 'dup@example.com', password: 'lighthouse tangerine 7' },
    });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('already exists');
    expect(html).toContain('value="dup@example.com"');

    const wrong = await pagesBrowser(server).fetch('/sign-in', {
      form: { email: 'dup@example.com', password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Email or password is incorrect.');
  });

  it.each(['https://evil.example.com/', '//evil.example.com', 'javascript:alert(1)', '/\\evil.example.com'])(
    'drops an unsafe redirect_url (%s) for the profile page',
    async (target) => {
      const { server } = testServer();
      const response = await pagesBrowser(server).signUpWithForm({
        email: 'r@example.com',
        password: 'lighthouse tangerine 7',
        redirect_url: target,
      });
      expect(response.headers.get('location')).toBe(`${AUTH}/user`);
    },
  );

  it('escapes what users type', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.signUpWithForm({
      email: 'x@example.com',
      password: 'lighthouse tangerine 7',
      firstName: '<script>alert(1)</script>',
    });
    const html = await (await browser.fetch('/user')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const { server } = testServer();
    const response = await new Browser(server, 'https://evil.example.com').fetch('/sign-in', {
      form: { email: 'a@example.com', password: 'whatever it is' },
    });
    expect(response.status).toBe(403);
  });

  it('chooses between accounts and signs out of one, then all', async () => {
    const { server } = testServer();
    const browser = pagesBrowser(server);
    await browser.signUpWithForm({ email: 'one@example.com', password: 'lighthouse tangerine 7' });
    await browser.signUpWithForm({ email: 'two@example.com', password: 'lighthouse tangerine 7' });
    const chooser = await (await browser.fetch('/sign-in/choose')).text();
    expect(chooser).toContain('one@example.com');
    expect(chooser).toContain('two@example.com');

    const client = (await browser.json('/v1/client')).body.client;
    const [first] = client.sessions;
    const chosen = await browser.fetch('/sign-in/choose', {
      form: { session_id: first.id, redirect_url: 'http://localhost:3000/app' },
    });
    expect(chosen.headers.get('location')).toBe('http://localhost:3000/app');
    expect((await browser.json('/v1/client')).body.client.lastActiveSessionId).toBe(first.id);

    const outOfOne = await browser.fetch('/sign-out', { form: { session_id: first.id } });
    expect(outOfOne.headers.get('location')).toBe('/sign-in/choose');
    const outOfAll = await browser.fetch('/sign-out', { form: {} });
    expect(outOfAll.headers.get('location')).toBe('/sign-in');
    expect((await browser.json('/v1/client')).body.client).toBeNull();
  });

  it('sends a signed-out visitor of /user to sign in and back', async () => {
    const response = await pagesBrowser(testServer().server).fetch('/user');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in');
  });

  it('sets a strict content security policy and forbids framing', async () => {
    const response = await pagesBrowser(testServer().server).fetch('/sign-in');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
