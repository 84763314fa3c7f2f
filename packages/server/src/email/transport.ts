/** One message, as every transport receives it: a plain-text and an HTML part. */
export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Delivers messages: SMTP by default (`createSmtpTransport`), or your own (an email API) with the
 * same one method. `send` resolves once the message is accepted for delivery, and rejects otherwise.
 *
 * @example
 * const transport: EmailTransport = { send: (m) => resend.emails.send(m) };
 */
export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}
