import { ApiError } from '@orbital/core';
import type { ServerContext } from '../context';
import type { Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { html } from '../security/html';
import { requireDevMailbox } from '../email/dev-mailbox';
import { errorPage, page } from './layout';

/** `GET /dev/mailbox`: the mail a development instance kept instead of sending, newest first. */
export async function showMailbox(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  let messages;
  try {
    messages = requireDevMailbox(ctx.options).messages();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return errorPage(exchange, ctx.options, error.status, 'No development mailbox', error.message);
  }
  const body = html`
    <h1>Development mailbox</h1>
    <p class="lead">What this development instance would have emailed. Configure ORBITAL_SMTP_URL to send it.</p>
    ${
      messages.length
        ? html`<ul class="mailbox">${messages.map(
            (
              m,
            ) => html`<li><strong>${m.subject}</strong><br><span class="muted">to ${m.to}, ${new Date(m.sentAt * 1000).toISOString().slice(11, 19)} UTC</span>
              ${m.code ? html`<p>Code: <strong data-testid="mailbox-code">${m.code}</strong></p>` : ''}
              ${m.link ? html`<p><a href="${m.link}">Open the link</a></p>` : ''}</li>`,
          )}</ul>`
        : html`<p>No messages yet.</p>`
    }`;
  return page(exchange, ctx.options, 'Development mailbox', body, 200, true);
}

export const mailboxRoutes: Route[] = [['GET', '/dev/mailbox', showMailbox]];
