import { ConfigurationError } from '@orbital/core';
import type { EmailTransport } from './transport';

/** Seconds an SMTP server has to answer each step: a hung server fails the request, it does not hang it. */
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * Sends through an SMTP server with nodemailer: `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it) or `smtps://…:465`. `timeout`: the seconds the server has for each step
 * (connecting, its greeting, every reply), 10 by default.
 *
 * @example createSmtpTransport(process.env.ORBITAL_SMTP_URL!)
 */
export function createSmtpTransport(url: string, options: { timeout?: number } = {}): EmailTransport {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:'))
    throw new ConfigurationError(
      'configuration_invalid',
      `ORBITAL_SMTP_URL (email.smtpUrl) must look like smtp://user:password@host:587 or smtps://user:password@host:465.`,
    );
  const seconds = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(seconds > 0 && Number.isFinite(seconds)))
    throw new ConfigurationError(
      'configuration_invalid',
      `The SMTP timeout must be a positive number of seconds (got ${seconds}).`,
    );
  const timeout = seconds * 1000;
  const transporter = import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport({
      url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as Parameters<typeof nodemailer.createTransport>[0]),
  );
  return {
    async send(message) {
      try {
        await (await transporter).sendMail(message);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ETIMEDOUT') throw error;
        // nodemailer names the step ("Greeting never received"); the operator also needs where and how long.
        const reason = `the mail server at ${parsed.host} did not answer within ${seconds} s`;
        throw new Error(`${reason} (${(error as Error).message})`, { cause: error });
      }
    },
  };
}
