import { vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from './apps';
import { enterEmailCode } from './mailbox';

/**
 * How the scenarios talk to any demo app: the same paths, labels and test ids in every framework
 * (`/`, `/dashboard`, `/sign-in`, `/sign-up`, `server-user`, `client-user`, `api-me`).
 */
export function driver(app: RunningApp) {
  const url = (path: string) => `${app.baseUrl}${path}`;
  return {
    url,
    /** The demo's own sign-up page (the framework's `<SignUp/>`), then the code sent by email. */
    async signUp(page: Page, user: { firstName: string; email: string; password: string }) {
      await page.goto(url('/sign-up'));
      await page.getByLabel('First name').fill(user.firstName);
      await page.getByLabel('Email address').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await enterEmailCode(page, url('/api/auth'), user.email);
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-up'));
    },
    /** An account that exists but is signed out in this browser. */
    async signUpThenSignOut(page: Page, user: { firstName: string; email: string; password: string }) {
      await this.signUp(page, user);
      await page.getByRole('button', { name: /^Account menu/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await this.waitUntilShown(page, 'client', 'client: signed out');
    },
    /** Presses the header's "Sign in" button and waits until the server renders a signed-in page. */
    async signInWithButton(page: Page) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await this.waitUntilShown(page, 'server', /^server: user_/);
    },
    async fillSignIn(page: Page, email: string, password: string) {
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Continue' }).click();
    },
    /** What the server rendered and what the browser client believes, once both have settled. */
    async who(page: Page): Promise<{ server: string; client: string }> {
      // Waits for an event, not a deadline: a cold app on a busy machine may take seconds to load its client.
      await vi.waitFor(
        async () => {
          if ((await page.getByTestId('client-user').textContent()) === 'client: loading')
            throw new Error('The browser client is still loading.');
        },
        { timeout: 15_000, interval: 200 },
      );
      return {
        server: (await page.getByTestId('server-user').textContent())!,
        client: (await page.getByTestId('client-user').textContent())!,
      };
    },
    /**
     * Waits until the server's part or the browser client shows `expected` (pages follow sign-outs
     * and switches by themselves). `vi.waitFor` needs no current test, so scenarios can run side by side.
     */
    async waitUntilShown(page: Page, part: 'server' | 'client', expected: string | RegExp) {
      await vi.waitFor(
        async () => {
          const shown = (await this.who(page))[part];
          if (typeof expected === 'string' ? shown !== expected : !expected.test(shown))
            throw new Error(`The ${part} part shows "${shown}", not ${String(expected)}.`);
        },
        { timeout: 15_000, interval: 200 },
      );
    },
    async openUserMenu(page: Page) {
      await page.getByRole('button', { name: /^Account menu/ }).click();
      return page.getByRole('menu');
    },
    async sessionCookie(context: BrowserContext): Promise<string | undefined> {
      return (await context.cookies(app.baseUrl)).find((c) => c.name.startsWith('__session_'))?.value;
    },
  };
}

let counter = 0;
/** A fresh user for each test, so tests never depend on each other. */
export function newUser(firstName = 'Ada') {
  counter += 1;
  return {
    firstName,
    email: `${firstName.toLowerCase()}.${Date.now()}.${counter}@example.com`,
    password: `correct horse ${counter} battery`,
  };
}
