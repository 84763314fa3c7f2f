import {
  HANDSHAKE_PATH,
  REDIRECT_URL_PARAM,
  HANDSHAKE_PARAM,
  RedirectUrlError,
  validateRedirectUrl,
} from '@orbital/core';
import { createHandshakePayload, readNonce } from '@orbital/core/server';
import { clientUat } from '../domain/client-state';
import { loadClient } from '../http/request-client';
import type { ServerContext } from '../context';
import { json, redirect, type Exchange } from '../http/exchange';
import { errorPage } from '../pages/layout';
import type { Route } from '../http/router';
import { mintToken } from '../domain/sessions';

/** `GET /.well-known/jwks.json`: the public keys app servers verify session tokens with. */
export async function getJwks(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const response = json(exchange, await ctx.keyring.jwks());
  response.headers.set('cache-control', 'public, max-age=60');
  response.headers.set('access-control-allow-origin', '*');
  return response;
}

/**
 * `GET /v1/handshake`: a top-level visit from an app server that cannot read this site's
 * cookie; answers with a signed payload (token, or signed out) bound to the app's origin and nonce.
 */
export async function handshake(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  let target: URL;
  try {
    target = validateRedirectUrl(exchange.url.searchParams.get(REDIRECT_URL_PARAM), {
      base: ctx.options.origin,
      allowedOrigins: ctx.options.trustedOrigins,
    });
  } catch (error) {
    // Never redirect to a target we cannot vouch for: a page that says why ends the flow.
    return errorPage(
      exchange,
      ctx.options,
      400,
      'This app is not allowed to use this auth server',
      `${(error as RedirectUrlError).message} (${(error as RedirectUrlError).code})`,
    );
  }
  // A development browser's token counts only when the answer goes to the origin it is bound to.
  const state = await loadClient(ctx, exchange, target.origin);
  const token = state?.active ? (await mintToken(ctx, state.active, target.origin)).jwt : null;
  const payload = await createHandshakePayload(
    { sessionToken: token, clientUat: state ? clientUat(state) : 0 },
    {
      issuer: ctx.options.url,
      origin: target.origin,
      now: ctx.options.nowSeconds(),
      nonce: readNonce(exchange.url),
    },
    await ctx.keyring.signer(),
  );
  target.searchParams.set(HANDSHAKE_PARAM, payload);
  return redirect(exchange, target.href);
}

/** The top-level handshake redirect and the public keys app servers verify tokens with. */
export const handshakeRoutes: Route[] = [
  ['GET', '/.well-known/jwks.json', getJwks],
  ['GET', '/v1/jwks', getJwks],
  ['GET', HANDSHAKE_PATH, handshake],
];
