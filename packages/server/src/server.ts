import { ApiError, DEV_BROWSER_PARAM, OrbitalError } from '@orbital/core';
import type { Jwks } from '@orbital/core/server';
import { backendRoutes } from './routes/backend-api';
import { clientRoutes } from './routes/client-api';
import { handshakeRoutes } from './routes/handshake-api';
import { meRoutes } from './routes/me-api';
import { organizationRoutes } from './routes/organizations-api';
import { syncRoutes } from './routes/sync-api';
import type { ServerContext } from './context';
import {
  createExchange,
  devBrowserRefused,
  errorBody,
  json,
  preflight,
  withCors,
  type Exchange,
} from './http/exchange';
import { createKeyring } from './security/signing-keys';
import { resolveServerOptions, type OrbitalServerOptions } from './options';
import { chooseRoutes } from './pages/choose-page';
import { organizationPageRoutes } from './pages/organization-pages';
import { errorPage } from './pages/layout';
import { signInRoutes } from './pages/sign-in-page';
import { signUpRoutes } from './pages/sign-up-page';
import { userRoutes } from './pages/user-page';
import { verificationPageRoutes } from './pages/verification-pages';
import { mailboxRoutes } from './pages/mailbox-page';
import { healthRoutes } from './routes/health-api';
import { recoveryRoutes } from './routes/recovery-api';
import { createInProcessSharedState, type SharedState } from './store/shared-state';
import type { Store } from './store/types';
import { createRouter } from './http/router';

/** Every endpoint and page of the auth server: one table, one named handler per row. */
const router = createRouter([
  ...healthRoutes,
  ...clientRoutes,
  ...recoveryRoutes,
  ...meRoutes,
  ...backendRoutes,
  ...syncRoutes,
  ...organizationRoutes,
  ...handshakeRoutes,
  ...signInRoutes,
  ...signUpRoutes,
  ...chooseRoutes,
  ...userRoutes,
  ...verificationPageRoutes,
  ...mailboxRoutes,
  ...organizationPageRoutes,
]);

export interface OrbitalServer {
  /** The Fetch handler: mount it anywhere that speaks `Request` -> `Response`. */
  handler: (request: Request, context?: { ip?: string }) => Promise<Response>;
  /** `pk_test_…` / `pk_live_…` for this instance's URL: give it to your apps. */
  publishableKey: string;
  /** The current public keys: pass as `jwks` to `authenticateRequest` when the server runs in-process. */
  jwks: () => Promise<Jwks>;
  /** Signs new tokens with a fresh key; the old one stays published until its tokens expired. */
  rotateSigningKey: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Creates the auth server.
 *
 * @example
 * const server = createOrbitalServer({ url: 'http://localhost:4000', store: await createPgliteStore('.orbital/data') });
 * Bun.serve({ fetch: server.handler }); // or toNodeListener(server.handler), or a Next.js route
 */
export function createOrbitalServer(input: OrbitalServerOptions): OrbitalServer {
  const options = resolveServerOptions(input);
  const shared = input.sharedState ?? createInProcessSharedState();
  const store = announcingEndedSessions(input.store, shared);
  const ctx: ServerContext = {
    options,
    store,
    keyring: createKeyring(store, {
      nowSeconds: options.nowSeconds,
      tokenTtl: options.tokenTtl,
      algorithm: options.signingAlgorithm,
      keyEncryptionKeys: options.keyEncryptionKeys,
    }),
    shared,
  };

  async function handler(request: Request, context: { ip?: string } = {}): Promise<Response> {
    const exchange = createExchange(request, options, context.ip);
    if (!exchange) return new Response('Not found', { status: 404 });
    const isApi = exchange.path.startsWith('/v1/') || exchange.path.startsWith('/.well-known/');
    if (request.method === 'OPTIONS' && isApi) return preflight(request, options);
    try {
      if (options.mode === 'production' && exchange.url.searchParams.has(DEV_BROWSER_PARAM)) throw devBrowserRefused();
      const route = router.match(request.method, exchange);
      if (route === 'method') throw new ApiError(405, 'request_invalid', `${request.method} is not supported here.`);
      if (!route) {
        if (exchange.path === '/' || exchange.path === '') return Response.redirect(options.pages.signInUrl, 302);
        throw new ApiError(
          404,
          'not_found',
          `Nothing at ${exchange.path}. The API lives under /v1 and the account pages at /sign-in, /sign-up and /user.`,
        );
      }
      return withCors(request, await route(ctx, exchange), options);
    } catch (error) {
      return withCors(request, failure(exchange, error, isApi), options);
    }
  }

  function failure(exchange: Exchange, error: unknown, isApi: boolean): Response {
    let apiError: ApiError;
    if (error instanceof ApiError) apiError = error;
    else if (error instanceof OrbitalError) apiError = new ApiError(500, error.code, error.message);
    else {
      console.error('[orbital] unexpected error', error);
      apiError = new ApiError(
        500,
        'internal_error',
        'Something went wrong on the auth server. It has been logged; try again.',
      );
    }
    exchange.setCookies.length = 0;
    const response = isApi
      ? json(exchange, errorBody(apiError), apiError.status)
      : errorPage(exchange, options, apiError.status, 'Something went wrong', apiError.message);
    if (apiError.retryAfter) response.headers.set('retry-after', String(apiError.retryAfter));
    return response;
  }

  return {
    handler,
    publishableKey: options.publishableKey,
    jwks: () => ctx.keyring.jwks(),
    rotateSigningKey: () => ctx.keyring.rotate(),
    close: async () => {
      await shared.close();
      await input.store.close();
    },
  };
}

/** Every way a session ends goes through `endSessions`: announce it there, once it is stored. */
function announcingEndedSessions(store: Store, shared: SharedState): Store {
  if (shared.kind === 'in-process') return store;
  return {
    ...store,
    async endSessions(ids, status, now) {
      await store.endSessions(ids, status, now);
      // Best effort: app servers without the news still refuse the session when its token expires.
      await shared
        .sessionsEnded(ids)
        .catch((error: unknown) => console.warn('[orbital] could not announce ended sessions', error));
    },
  };
}
