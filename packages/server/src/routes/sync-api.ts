import { createHash, randomBytes } from 'node:crypto';
import {
  AUTO_SYNC_COOKIE,
  ApiError,
  HANDSHAKE_PARAM,
  REDIRECT_URL_PARAM,
  SYNC_CODE_TTL,
  SYNC_NONCE_PARAM,
  SYNC_PARAM,
  SYNC_PATH,
  autoSyncCookie,
  validateRedirectUrl,
  withRedirectUrl,
  type RedirectUrlError,
} from '@orbital/core';
import { createHandshakePayload, readNonce } from '@orbital/core/server';
import { spendAutoSync } from '../security/auto-sync-budget';
import { assertSecretKey } from './backend-api';
import { clientCookieMaxAge, liveState } from '../domain/client-state';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { json, readJson, redirect, stringField, type Exchange } from '../http/exchange';
import { errorPage } from '../pages/layout';
import { newClientToken } from '../security/tokens';
import type { Route } from '../http/router';
import { mintToken } from '../domain/sessions';

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

/**
 * Satellite sync. `GET /v1/sync` is a top-level visit to the primary, carrying its first-party
 * client cookie: signed in, it goes straight back to the satellite page with a single-use code
 * bound to that origin; signed out, through the sign-in (or sign-up) page first, or — for
 * auto-sync — straight back with a signed "signed out" handshake payload. The satellite's server redeems the code with the
 * secret key and gets its own token for the same client, so a sign-out anywhere ends it everywhere.
 */
export async function sync(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options, store } = ctx;
  let target: URL;
  try {
    target = validateRedirectUrl(exchange.url.searchParams.get(REDIRECT_URL_PARAM), {
      base: options.origin,
      allowedOrigins: options.trustedOrigins,
    });
  } catch (error) {
    return errorPage(
      exchange,
      options,
      400,
      'This site is not allowed to sync with this auth server',
      `${(error as RedirectUrlError).message} (${(error as RedirectUrlError).code})`,
    );
  }
  const state = await loadClient(ctx, exchange);
  const auto = exchange.url.searchParams.get('auto') === '1';
  const nonce = readNonce(exchange.url);
  // Automatic syncs come back for more only when the satellite keeps no cookies: past the
  // budget they are answered "signed out" below, with no code (no write).
  const budget = auto
    ? spendAutoSync(exchange.cookies[AUTO_SYNC_COOKIE], target.origin, options.nowSeconds())
    : { allowed: true, cookie: null };
  if (budget.cookie !== null)
    exchange.setCookies.push(autoSyncCookie({ mode: options.mode, url: exchange.url }, budget.cookie));
  if (state?.active && budget.allowed) {
    const code = randomBytes(32).toString('base64url');
    await store.createSyncCode({
      codeHash: hashCode(code),
      clientId: state.client.id,
      origin: target.origin,
      expiresAt: options.nowSeconds() + SYNC_CODE_TTL,
    });
    target.searchParams.set(SYNC_PARAM, code);
    if (auto && nonce) target.searchParams.set(SYNC_NONCE_PARAM, nonce);
    return redirect(exchange, target.href);
  }
  if (auto) {
    // "Signed out" is signed and bound to the satellite's nonce, like a handshake answer: a
    // link someone crafts cannot sign a satellite page out.
    const payload = await createHandshakePayload(
      { sessionToken: null, clientUat: 0 },
      { issuer: options.url, origin: target.origin, now: options.nowSeconds(), nonce },
      await ctx.keyring.signer(),
    );
    target.searchParams.set(HANDSHAKE_PARAM, payload);
    return redirect(exchange, target.href);
  }
  // Sign in (or up) on the primary first; success comes back through this endpoint.
  const back = new URL(exchange.url.pathname, options.origin);
  back.searchParams.set(REDIRECT_URL_PARAM, target.href);
  const page = exchange.url.searchParams.get('flow') === 'sign-up' ? options.pages.signUpUrl : options.pages.signInUrl;
  return redirect(exchange, withRedirectUrl(page, back.href));
}

/** `POST /v1/backend/sync-codes/redeem`: a satellite's server trades a sync code (and its secret key) for its own client token. */
export async function redeemSyncCode(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const { options, store } = ctx;
  assertSecretKey(exchange, options.secretKey);
  const body = await readJson(exchange.request);
  const code = stringField(body, 'code', 128) ?? '';
  const origin = stringField(body, 'origin', 512) ?? '';
  const record = await store.consumeSyncCode(hashCode(code));
  if (!record)
    throw new ApiError(
      400,
      'sync_code_invalid',
      'This sync code is unknown or was already used: sync again from a fresh sign-in link.',
    );
  if (record.expiresAt < options.nowSeconds())
    throw new ApiError(400, 'sync_code_expired', 'This sync code has expired: sync again from a fresh sign-in link.');
  if (record.origin !== origin)
    throw new ApiError(
      400,
      'sync_code_origin_mismatch',
      `This sync code was issued for ${record.origin}, not ${origin}.`,
    );
  const graph = await store.loadClientGraph({ clientId: record.clientId });
  if (!graph) throw new ApiError(400, 'sync_code_invalid', 'The browser this code was issued to no longer exists.');
  const { client } = graph;
  const state = await liveState(ctx, graph);
  const { token, hash } = newClientToken();
  await store.addClientToken(client.id, hash, options.nowSeconds());
  const sessionToken = state.active ? (await mintToken(ctx, state.active, origin)).jwt : null;
  return json(exchange, {
    clientToken: token,
    clientMaxAge: clientCookieMaxAge(ctx, state),
    sessionToken,
    clientUat: state.active ? state.client.uat : 0,
  });
}

export const syncRoutes: Route[] = [
  ['GET', SYNC_PATH, sync],
  ['POST', '/v1/backend/sync-codes/redeem', redeemSyncCode],
];
