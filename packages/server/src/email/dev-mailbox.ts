import { ApiError, type InstanceMode } from '@orbital/core';
import type { EmailMessage, EmailTransport } from './transport';

/** A message kept by the development mailbox, with what a person would copy out of it. */
export interface MailboxMessage extends EmailMessage {
  id: number;
  /** Unix seconds. */
  sentAt: number;
  /** The six-digit code in the message, if any. */
  code: string | null;
  /** The first link in the message, if any. */
  link: string | null;
}

/** How many messages the mailbox keeps: the newest. */
const KEPT = 50;

/**
 * Development without SMTP: messages are kept in memory, listed on the auth server's `/dev/mailbox`
 * page, and each one's code and link printed in the terminal, so sign-up works with no mail server.
 */
export function createDevMailbox(
  options: { print?: (line: string) => void; nowSeconds?: () => number } = {},
): EmailTransport & { messages: () => MailboxMessage[] } {
  const print = options.print ?? ((line: string) => console.log(line));
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const kept: MailboxMessage[] = [];
  let next = 1;
  return {
    async send(message) {
      const entry: MailboxMessage = {
        ...message,
        id: next++,
        sentAt: nowSeconds(),
        code: /\b(\d{6})\b/.exec(message.text)?.[1] ?? null,
        link: /https?:\/\/\S+/.exec(message.text)?.[0] ?? null,
      };
      kept.unshift(entry);
      kept.length = Math.min(kept.length, KEPT);
      const what = [entry.code && `code ${entry.code}`, entry.link].filter(Boolean).join(' · ');
      print(`[orbital] email to ${message.to}: "${message.subject}"${what ? ` — ${what}` : ''} (development mailbox)`);
    },
    messages: () => kept.map((m) => ({ ...m })),
  };
}

export type DevMailbox = ReturnType<typeof createDevMailbox>;

/** The development mailbox, or a 404 that says why there is none: a production instance never shows mail. */
export function requireDevMailbox(options: { mode: InstanceMode; email: { mailbox: DevMailbox | null } }): DevMailbox {
  const { mailbox } = options.email;
  if (!mailbox)
    throw new ApiError(
      404,
      'not_found',
      options.mode === 'production'
        ? 'The development mailbox exists only on a development instance.'
        : 'This instance sends its mail through SMTP (or your transport): read it in that mailbox.',
    );
  return mailbox;
}
