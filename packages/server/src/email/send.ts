import { ApiError } from '@orbital/core';
import type { ServerContext } from '../context';
import type { EmailContent } from './templates';

/** Seconds to suggest before trying again when mail cannot be sent. */
const RETRY_AFTER = 30;

/**
 * Sends one message. When the transport refuses or fails (SMTP down, wrong credentials), the
 * operator reads why once in the log, and the request fails with a 503 `email_unavailable`.
 */
export async function sendEmail(ctx: ServerContext, to: string, content: EmailContent): Promise<void> {
  const { transport, from } = ctx.options.email;
  try {
    await transport.send({ from, to, ...content });
  } catch (error) {
    console.error(
      `[orbital] could not send "${content.subject}": ${(error as Error).message ?? error}. Check the email settings (ORBITAL_SMTP_URL, ORBITAL_EMAIL_FROM) and that the mail server accepts this sender.`,
    );
    throw new ApiError(
      503,
      'email_unavailable',
      'We could not send the email just now. Nothing was changed: try again in a minute.',
      { retryAfter: RETRY_AFTER, cause: error },
    );
  }
}
