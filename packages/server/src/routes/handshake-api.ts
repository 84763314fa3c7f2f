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
import { json, redirect } from '../http/exchange';
import { errorPage } from '../pages/layout';
import type { RouteHandler } from '../http/router';
import { mintToken } from '../domain/sessions';

/** The top-level handshake redirect and the public keys app servers verify tokens with. */
export function handshakeRoutes(ctx: ServerContext): Array<['GET', string, RouteHandler]> {
  const jwks: RouteHandler = async (exchange) => {
    const response = json(exchange, await ctx.keyring.jwks());
    response.headers.set('cache-control', 'public, max-age=60');
    response.headers.set('access-control-allow-origin', '*');
    return response;
  };

  return [
    ['GET', '/.well-known/jwks.json', jwks],
    ['GET', '/v1/jwks', jwks],
    [
      'GET',
      HANDSHAKE_PATH,
      async (exchange) => {
        let target: URL;
        try {
          target = validateRedirectUrl(exchange.url.searchParams.get(REDIRECT_URL_PARAM), {
            base: ctx.options.origin,
            allowedOrigins: ctx.options.allowedRedirectOrigins,
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
      },
    ],
  ];
}
