import { ConfigurationError } from '@orbital/core';
import type { EmailTransport } from './transport';

/** Seconds an SMTP server has to answer each step: a hung server fails the request, it does not hang it. */
const SMTP_TIMEOUT_SECONDS = 10;

/**
 * Sends through an SMTP server with nodemailer: `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it) or `smtps://…:465`.
 *
 * @example createSmtpTransport(process.env.ORBITAL_SMTP_URL!)
 */
export function createSmtpTransport(url: string): EmailTransport {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:'))
    throw new ConfigurationError(
      'configuration_invalid',
      `ORBITAL_SMTP_URL (email.smtpUrl) must look like smtp://user:password@host:587 or smtps://user:password@host:465.`,
    );
  const timeout = SMTP_TIMEOUT_SECONDS * 1000;
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
      await (await transporter).sendMail(message);
    },
  };
}
