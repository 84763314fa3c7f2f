import type { VerificationPurpose } from '@orbital/core';
import { html, type SafeHtml } from '../security/html';

/** A message's words, before the transport adds sender and recipient. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const ASKED: Record<VerificationPurpose, { subject: string; lead: string }> = {
  sign_up: { subject: 'Your verification code', lead: 'Enter this code to finish creating your account' },
  password_reset: { subject: 'Reset your password', lead: 'Enter this code to choose a new password' },
  email_change: { subject: 'Confirm your new email address', lead: 'Enter this code to use this address' },
};

/** The code (and the link doing the same) for a sign-up, a password reset or a new address. */
export function codeEmail(params: {
  appName: string;
  purpose: VerificationPurpose;
  code: string;
  link: string;
  minutes: number;
}): EmailContent {
  const { appName, code, link, minutes } = params;
  const { subject, lead } = ASKED[params.purpose];
  const ignore =
    params.purpose === 'password_reset'
      ? 'If you did not ask to reset your password, ignore this email: your password stays as it is.'
      : 'If you did not ask for this, ignore this email.';
  return {
    subject: `${subject} for ${appName}`,
    text: `${lead} on ${appName}:\n\n${code}\n\nOr open this link:\n${link}\n\nThe code works for ${minutes} minutes. ${ignore}\n`,
    html: layout(
      appName,
      html`<p>${lead} on ${appName}:</p>
        <p style="font-size:28px;font-weight:600;letter-spacing:6px;margin:16px 0">${code}</p>
        <p>Or <a href="${link}">open this link</a>.</p>
        <p style="color:#666">The code works for ${minutes} minutes. ${ignore}</p>`,
    ),
  };
}

/** To the old address after an email change: the owner hears of it even if someone else made it. */
export function emailChangedNotice(params: { appName: string; newEmail: string }): EmailContent {
  const { appName, newEmail } = params;
  const line = `The email address of your ${appName} account was changed to ${newEmail}.`;
  const help = 'If you did not make this change, reset your password and contact the site’s support.';
  return {
    subject: `Your ${appName} email address was changed`,
    text: `${line}\n\n${help}\n`,
    html: layout(appName, html`<p>${line}</p><p style="color:#666">${help}</p>`),
  };
}

/** An invitation into an organization: the link leads through sign-in or sign-up to accepting it. */
export function invitationEmail(params: {
  appName: string;
  organizationName: string;
  role: string;
  link: string;
}): EmailContent {
  const { appName, organizationName, role, link } = params;
  const line = `You are invited to join ${organizationName} on ${appName} as ${role === 'admin' ? 'an admin' : 'a member'}.`;
  return {
    subject: `Join ${organizationName} on ${appName}`,
    text: `${line}\n\nAccept the invitation (sign in or create an account with this address first):\n${link}\n`,
    html: layout(
      appName,
      html`<p>${line}</p><p><a href="${link}">Accept the invitation</a> — sign in or create an account with this address first.</p>`,
    ),
  };
}

/** Plain markup with inline styles: no images, scripts or remote CSS for a mail client to block. */
function layout(appName: string, body: SafeHtml): string {
  return html`<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;line-height:1.5;max-width:480px;margin:24px auto;padding:0 16px">
<p style="font-weight:600">${appName}</p>
${body}
</body></html>`.toString();
}
