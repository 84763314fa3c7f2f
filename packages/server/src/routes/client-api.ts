import type { EnvironmentResource } from '@orbital/core';
import { checkCredentials, signUp } from '../domain/accounts';
import { signInClient, loadClient, requireClient, writeClientCookies } from '../http/request-client';
import type { ServerContext } from '../context';
import { assertTrustedOrigin, json, readJson, stringField, type Exchange } from '../http/exchange';
import type { RouteHandler } from '../http/router';
import { endAllSessions, endSession, findSession, mintToken, setActiveSession, startSession } from '../domain/sessions';
import { clientJson } from './views';
import { newClientToken, randomId } from '../security/tokens';
import { devBrowserRefused } from '../http/exchange';

/** The browser client's API: environment, client, sign-up / sign-in, tokens and session switching. */
export function clientRoutes(ctx: ServerContext): Array<['GET' | 'POST' | 'DELETE', string, RouteHandler]> {
  const { options } = ctx;
  const respond = (
    exchange: Exchange,
    state: Awaited<ReturnType<typeof loadClient>>,
    extra: object = {},
    status = 200,
  ) => {
    if (state) writeClientCookies(ctx, exchange, state);
    return json(
      exchange,
      { client: clientJson(state), ...extra, ...(exchange.devBrowser && { devBrowser: exchange.devBrowser }) },
      status,
    );
  };

  return [
    [
      'GET',
      '/v1/environment',
      async (exchange) => {
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
      },
    ],
    ['GET', '/v1/client', async (exchange) => json(exchange, { client: clientJson(await loadClient(ctx, exchange)) })],
    [
      'POST',
      '/v1/dev-browser',
      async (exchange) => {
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
      },
    ],
    [
      'POST',
      '/v1/sign-ups',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
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
        const state = await startSession(ctx, await signInClient(ctx, exchange), user);
        return respond(exchange, state, { sessionId: state.active!.session.id }, 201);
      },
    ],
    [
      'POST',
      '/v1/sign-ins',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const body = await readJson(exchange.request);
        const user = await checkCredentials(
          ctx,
          stringField(body, 'identifier') ?? stringField(body, 'email'),
          stringField(body, 'password'),
          exchange.ip,
        );
        const state = await startSession(ctx, await signInClient(ctx, exchange), user);
        return respond(exchange, state, { sessionId: state.active!.session.id });
      },
    ],
    [
      'POST',
      '/v1/client/sessions/:sessionId/tokens',
      async (exchange) => {
        const origin = assertTrustedOrigin(exchange, options);
        const state = await requireClient(ctx, exchange);
        const live = findSession(state, exchange.params.sessionId!);
        const token = await mintToken(ctx, live, origin);
        return json(exchange, { object: 'token', ...token });
      },
    ],
    [
      'POST',
      '/v1/client/sessions/:sessionId/touch',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        return respond(
          exchange,
          await setActiveSession(ctx, await requireClient(ctx, exchange), exchange.params.sessionId!),
        );
      },
    ],
    [
      'POST',
      '/v1/client/sessions/:sessionId/end',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        return respond(exchange, await endSession(ctx, await requireClient(ctx, exchange), exchange.params.sessionId!));
      },
    ],
    [
      'DELETE',
      '/v1/client/sessions',
      async (exchange) => {
        assertTrustedOrigin(exchange, options);
        const state = await loadClient(ctx, exchange);
        return respond(exchange, state && (await endAllSessions(ctx, state)));
      },
    ],
  ];
}
