import { vi } from 'vitest';
import type { Page } from 'playwright-core';

interface MailboxMessage {
  to: string;
  code: string | null;
  link: string | null;
}

/**
 * The newest code the auth server at `authServerUrl` kept for `email` in its development mailbox,
 * read in the page's own browser (which resolves the suite's made-up host names), waiting for it.
 */
export async function codeFromMailbox(page: Page, authServerUrl: string, email: string): Promise<string> {
  const reader = await page.context().newPage();
  try {
    return await vi.waitFor(
      async () => {
        await reader.goto(`${authServerUrl}/v1/dev/mailbox`);
        const { messages } = JSON.parse(await reader.locator('body').innerText()) as { messages: MailboxMessage[] };
        const code = messages.find((m) => m.to === email.toLowerCase())?.code;
        if (!code || !/^\d{6}$/.test(code)) throw new Error(`No code for ${email} in the development mailbox.`);
        return code;
      },
      { timeout: 15_000, interval: 250 },
    );
  } finally {
    await reader.close();
  }
}

/** The "Check your email" step, on a hosted page or in a component: the code from the mailbox, then "Verify email". */
export async function enterEmailCode(page: Page, authServerUrl: string, email: string): Promise<void> {
  const field = page.getByLabel('Verification code');
  // An app's first sign-up may be what creates its embedded database (seconds of CPU on a busy machine).
  await field.waitFor({ timeout: 60_000 });
  await field.fill(await codeFromMailbox(page, authServerUrl, email));
  await page.getByRole('button', { name: 'Verify email' }).click();
}
