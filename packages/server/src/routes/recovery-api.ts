import {
  publicUser,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  verifyEmailChange,
} from '../domain/accounts';
import { resendVerification, verificationJson } from '../domain/verifications';
import { revokeOtherSessions, startSession } from '../domain/sessions';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http/exchange';
import { signInClient } from '../http/request-client';
import type { Route } from '../http/router';
import { respondWithClient } from './client-api';
import { requireActive } from './me-api';
import { requireDevMailbox } from '../email/dev-mailbox';

/** `POST /v1/verifications/:verificationId/resend`: a new code for a sign-up, reset or email change. */
export async function resendCode(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const verification = await resendVerification(ctx, exchange.params.verificationId!);
  return json(exchange, { verification: verificationJson(verification) });
}

/**
 * `POST /v1/password-resets`: "forgot password". Always 202 with a verification, whether or not an
 * account has the address: only its owner receives a code.
 */
export async function createPasswordReset(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const body = await readJson(exchange.request);
  const verification = await requestPasswordReset(ctx, stringField(body, 'email', 254), exchange.ip);
  return json(exchange, { verification: verificationJson(verification) }, 202);
}

/**
 * `POST /v1/password-resets/:verificationId`: the code and a new password. The user's other
 * sessions end (unless `signOutOtherSessions: false`) and this browser is signed in.
 */
export async function completePasswordReset(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const body = await readJson(exchange.request);
  const user = await resetPassword(
    ctx,
    { verificationId: exchange.params.verificationId!, code: stringField(body, 'code', 20) },
    stringField(body, 'password'),
  );
  if (body.signOutOtherSessions !== false) await revokeOtherSessions(ctx, user, '');
  const state = await startSession(ctx, await signInClient(ctx, exchange), user);
  return respondWithClient(ctx, exchange, state, { sessionId: state.active!.session.id });
}

/** `POST /v1/me/email`: a new address; a code goes there, and nothing changes until it comes back. */
export async function createEmailChange(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const { user } = await requireActive(ctx, exchange);
  const body = await readJson(exchange.request);
  const verification = await requestEmailChange(ctx, user, stringField(body, 'email', 254));
  return json(exchange, { verification: verificationJson(verification) }, 202);
}

/** `POST /v1/me/email/:verificationId/verify`: the code from the new address makes it the user's. */
export async function verifyMyEmailChange(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const { user } = await requireActive(ctx, exchange);
  const body = await readJson(exchange.request);
  const { user: updated } = await verifyEmailChange(
    ctx,
    user,
    exchange.params.verificationId!,
    stringField(body, 'code', 20),
  );
  return json(exchange, { user: publicUser(updated) });
}

/** `GET /v1/dev/mailbox`: the development mailbox as JSON (tests read codes from it). Development only. */
export async function listDevMailbox(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return json(exchange, { messages: requireDevMailbox(ctx.options).messages() });
}

/** Codes by email: resending, password resets, email changes, and the development mailbox. */
export const recoveryRoutes: Route[] = [
  ['POST', '/v1/verifications/:verificationId/resend', resendCode],
  ['POST', '/v1/password-resets', createPasswordReset],
  ['POST', '/v1/password-resets/:verificationId', completePasswordReset],
  ['POST', '/v1/me/email', createEmailChange],
  ['POST', '/v1/me/email/:verificationId/verify', verifyMyEmailChange],
  ['GET', '/v1/dev/mailbox', listDevMailbox],
];
