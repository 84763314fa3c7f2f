import type { EnvironmentResource } from '@orbital/core';
import { beginSignUp, checkCredentials, completeSignUp, signUp } from '../domain/accounts';
import { verificationJson, verifyCode } from '../domain/verifications';
import { signInClient, loadClient, requireClient, writeClientCookies } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, devBrowserRefused, json, readJson, stringField, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';
import { endAllSessions, endSession, findSession, mintToken, setActiveSession, startSession } from '../domain/sessions';
import { clientJson } from './views';
import { newClientToken, randomId } from '../security/tokens';

/** `GET /v1/environment`: what the browser client needs to know about this instance. */
export async function getEnvironment({ options }: ServerContext, exchange: Exchange): Promise<Response> {
  const { signInUrl, signUpUrl, userProfileUrl } = options.pages;
  const environment: EnvironmentResource = {
    authServerUrl: options.url,
    mode: options.mode,
    multiSession: options.multiSession,
    tokenTtl: options.tokenTtl,
    lifetime: options.lifetime,
    signInUrl,
    signUpUrl,
    userProfileUrl,
  };
  return json(exchange, environment);
}

/** `GET /v1/client`: this browser's sessions, or `client: null`. */
export async function getClient(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  return json(exchange, { client: clientJson(await loadClient(ctx, exchange)) });
}

/** `POST /v1/dev-browser`: a development browser's token, for apps on another site than the auth server. */
export async function createDevBrowser(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options } = ctx;
  if (options.mode !== 'development') throw devBrowserRefused();
  // Bound to the origin that asked: only that origin may present it, and only in a URL.
  const origin = assertTrustedOrigin(exchange, options);
  const { token, hash } = newClientToken();
  const client = await ctx.store.createClient({
    id: randomId('client'),
    tokenHash: newClientToken().hash,
    now: options.nowSeconds(),
  });
  await ctx.store.addClientToken(client.id, hash, options.nowSeconds(), origin);
  return json(exchange, { token }, 201);
}

/**
 * `POST /v1/sign-ups`: a new account. With verification required (the default), the answer is a
 * 202 with the verification the code was sent for, and no account or session yet; else 201, signed in.
 */
export async function createSignUp(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const body = await readJson(exchange.request);
  const user = await signUp(
    ctx,
    {
      email: stringField(body, 'email'),
      password: stringField(body, 'password'),
      firstName: stringField(body, 'firstName', 100),
      lastName: stringField(body, 'lastName', 100),
    },
    exchange.ip,
  );
  if (ctx.options.requireEmailVerification) {
    const verification = await beginSignUp(ctx, user);
    return json(
      exchange,
      { client: clientJson(await loadClient(ctx, exchange)), verification: verificationJson(verification) },
      202,
    );
  }
  const state = await startSession(ctx, await signInClient(ctx, exchange), user);
  return respondWithClient(ctx, exchange, state, { sessionId: state.active!.session.id }, 201);
}

/** `POST /v1/sign-ups/:verificationId/verify`: the code from the email creates the account and signs in. */
export async function verifySignUp(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const body = await readJson(exchange.request);
  const verification = await verifyCode(ctx, exchange.params.verificationId!, 'sign_up', stringField(body, 'code', 20));
  const state = await startSession(ctx, await signInClient(ctx, exchange), await completeSignUp(ctx, verification));
  return respondWithClient(ctx, exchange, state, { sessionId: state.active!.session.id }, 201);
}

/** `POST /v1/sign-ins`: a new session for an identifier and password. */
export async function createSignIn(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const body = await readJson(exchange.request);
  const user = await checkCredentials(
    ctx,
    stringField(body, 'identifier') ?? stringField(body, 'email'),
    stringField(body, 'password'),
    exchange.ip,
  );
  const state = await startSession(ctx, await signInClient(ctx, exchange), user);
  return respondWithClient(ctx, exchange, state, { sessionId: state.active!.session.id });
}

/** `POST /v1/client/sessions/:sessionId/tokens`: a fresh session token for the requesting origin. */
export async function createSessionToken(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const origin = assertTrustedOrigin(exchange, ctx.options);
  const state = await requireClient(ctx, exchange);
  const token = await mintToken(ctx, findSession(state, exchange.params.sessionId!), origin);
  return json(exchange, { object: 'token', ...token });
}

/** `POST /v1/client/sessions/:sessionId/touch`: makes one of this browser's sessions the active one. */
export async function touchSession(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const state = await setActiveSession(ctx, await requireClient(ctx, exchange), exchange.params.sessionId!);
  return respondWithClient(ctx, exchange, state);
}

/** `POST /v1/client/sessions/:sessionId/end`: signs out of one session. */
export async function endClientSession(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const state = await endSession(ctx, await requireClient(ctx, exchange), exchange.params.sessionId!);
  return respondWithClient(ctx, exchange, state);
}

/** `DELETE /v1/client/sessions`: signs out of every session of this browser. */
export async function endClientSessions(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  assertTrustedOrigin(exchange, ctx.options);
  const state = await loadClient(ctx, exchange);
  return respondWithClient(ctx, exchange, state && (await endAllSessions(ctx, state)));
}

/** The browser client's API: environment, client, sign-up / sign-in, tokens and session switching. */
export const clientRoutes: Route[] = [
  ['GET', '/v1/environment', getEnvironment],
  ['GET', '/v1/client', getClient],
  ['POST', '/v1/dev-browser', createDevBrowser],
  ['POST', '/v1/sign-ups', createSignUp],
  ['POST', '/v1/sign-ups/:verificationId/verify', verifySignUp],
  ['POST', '/v1/sign-ins', createSignIn],
  ['POST', '/v1/client/sessions/:sessionId/tokens', createSessionToken],
  ['POST', '/v1/client/sessions/:sessionId/touch', touchSession],
  ['POST', '/v1/client/sessions/:sessionId/end', endClientSession],
  ['DELETE', '/v1/client/sessions', endClientSessions],
];

/** The client's new state as JSON, with its cookie written (and the development browser's token, if any). */
export function respondWithClient(
  ctx: ServerContext,
  exchange: Exchange,
  state: Awaited<ReturnType<typeof loadClient>>,
  extra: object = {},
  status = 200,
): Response {
  if (state) writeClientCookies(ctx, exchange, state);
  return json(
    exchange,
    { client: clientJson(state), ...extra, ...(exchange.devBrowser && { devBrowser: exchange.devBrowser }) },
    status,
  );
}
