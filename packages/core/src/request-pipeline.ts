import { isAuthServerRequest } from './auth-server-route';
import {
  authFromToken,
  authenticateRequest,
  isDocumentRequest,
  toAuthenticateOptions,
  type Auth,
  type AuthenticateRequestOptions,
  type RequestState,
} from './authenticate-request';
import type { OrbitalOptions } from './options';
import { appOrigins, publicUrl } from './public-url';
import { errorResponse } from './error-response';
import { ConfigurationError, type OrbitalError } from './errors';
import { parsePublishableKey } from './api-keys';
import { SYNC_REFUSED_MESSAGE } from './request-state';
import { signInRedirectUrl } from './satellite-sync';
import { createSignInPageCheck } from './sign-in-page-check';

/**
 * What an adapter does with one request, decided by core:
 * - `pass-through`: a request for the auth server (its own path, or a satellite's proxy): never
 *   authenticated, whatever the framework's matcher covers;
 * - `respond`: send `response` as it is (a handshake or sync redirect, headers set by core);
 * - `continue`: render or handle the request with `state`, adding `state.headers` to the response.
 */
export type PipelineResult =
  | { action: 'pass-through' }
  | { action: 'respond'; response: Response; state?: RequestState }
  | { action: 'continue'; state: RequestState };

/** What `protect()` answers a request that is not signed in: a sign-in redirect for pages, 401 for the rest. */
export type ProtectResult =
  { kind: 'redirect'; location: string; response: Response } | { kind: 'unauthorized'; response: Response };

export interface RequestPipeline {
  readonly options: OrbitalOptions;
  /** Decides what to do with one request (see {@link PipelineResult}). */
  handle(request: Request): Promise<PipelineResult>;
  /** Null when signed in; otherwise what protecting this request answers. */
  protect(request: Request, state: Pick<RequestState, 'auth' | 'url'>): ProtectResult | null;
  /** The auth object for a token an earlier step of the same request verified, checked again with every rule. */
  authFromToken(token: string | null | undefined, url: string): Promise<Auth>;
}

/** The body of every 401 Orbital answers, in every framework. */
export function unauthorizedResponse(): Response {
  return Response.json(
    { error: { code: 'unauthorized', message: 'Sign in to use this endpoint.' } },
    { status: 401, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * The whole app-server side of Orbital for one options object: from a Fetch `Request` to what the
 * adapter applies. Adapters translate their framework's request, response and redirect idioms to
 * this, and decide nothing themselves.
 *
 * @example
 * const pipeline = createRequestPipeline(options);
 * const result = await pipeline.handle(request);
 * if (result.action === 'respond') return result.response;
 */
export function createRequestPipeline(
  options: OrbitalOptions,
  log: (message: string) => void = (message) => console.warn(`[orbital] ${message}`),
): RequestPipeline {
  const authenticate: AuthenticateRequestOptions = toAuthenticateOptions(options);
  const origins = appOrigins(options);
  const urlOf = (request: Request) => publicUrl(request, { trustProxy: options.trustProxy, origins });
  const once = onceAnHour();
  const checkSignInPage = createSignInPageCheck(options, log);
  const development = parsePublishableKey(options.publishableKey).mode === 'development';

  return {
    options,
    async handle(request) {
      if (isAuthServerRequest(urlOf(request), options)) return { action: 'pass-through' };
      const state = await authenticateRequest(request, authenticate);
      // A browser that keeps no cookies says so on every visit: once an hour is enough per browser.
      if (state.message && (state.reason !== 'cookies_blocked' || once(request.headers.get('user-agent') ?? '')))
        log(state.message);
      if (state.status === 'handshake')
        return { action: 'respond', response: new Response(null, { status: 307, headers: state.headers }), state };
      // The auth server refused this app's own configuration: no page renders, so no guard sends the
      // person to sign in again (which would come back refused, in a loop); they are told instead.
      if (state.reason === 'sync_refused' && isDocumentRequest(request))
        return { action: 'respond', response: syncRefused(request, state, development), state };
      return { action: 'continue', state };
    },
    protect(request, state) {
      if (state.auth.isSignedIn) return null;
      if (!isDocumentRequest(request)) return { kind: 'unauthorized', response: unauthorizedResponse() };
      const location = signInRedirectUrl(options, state.url);
      void checkSignInPage(new URL(state.url).origin);
      return {
        kind: 'redirect',
        location,
        response: new Response(null, { status: 307, headers: { location, 'cache-control': 'no-store' } }),
      };
    },
    authFromToken(token, url) {
      return authFromToken(token, authenticate, new URL(url).origin);
    },
  };
}

/** The page a person sees after a refused sync; in development it also names the fix. */
function syncRefused(request: Request, state: RequestState, development: boolean): Response {
  const response = errorResponse(request, {
    status: 500,
    code: 'sync_failed',
    title: 'Signing in did not complete',
    message: SYNC_REFUSED_MESSAGE,
    detail: development ? state.message : null,
  });
  for (const cookie of state.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
  return response;
}

/**
 * The pipeline an adapter's middleware uses: configured on its first request (env vars are read
 * then, not at build time). A configuration error answers every request with a page that names
 * what to set — the variable in development, a plain "not set up" in production (`NODE_ENV`) —
 * and is logged once, instead of a framework's bare 500 or a crash.
 */
export function createLazyRequestPipeline(
  resolve: () => OrbitalOptions,
  log: (message: string) => void = (message) => console.error(`[orbital] ${message}`),
): RequestPipeline {
  let pipeline: RequestPipeline | undefined;
  let failure: OrbitalError | undefined;
  const get = () => (pipeline ??= createRequestPipeline(resolve()));
  return {
    get options() {
      return get().options;
    },
    async handle(request) {
      if (!failure) {
        try {
          get();
        } catch (error) {
          if (!(error instanceof ConfigurationError)) throw error;
          failure = error;
          log(`${error.message} (${error.code}): every request answers 500 until it is fixed.`);
        }
      }
      return failure ? { action: 'respond', response: misconfigured(request, failure) } : get().handle(request);
    },
    protect: (request, state) => get().protect(request, state),
    authFromToken: (token, url) => get().authFromToken(token, url),
  };
}

/** What a misconfigured app answers: in development the cause; in production no internals. */
function misconfigured(request: Request, error: OrbitalError): Response {
  const production = typeof process !== 'undefined' && process.env.NODE_ENV === 'production';
  const message = production
    ? 'Signing in is not set up on this site yet. The site’s owner can see why in its server log.'
    : error.message;
  return errorResponse(request, { status: 500, code: error.code, title: 'Sign-in is not configured', message });
}

/** True the first time a key is seen in an hour; remembers at most 1,000 keys. */
function onceAnHour(now: () => number = Date.now): (key: string) => boolean {
  const seen = new Map<string, number>();
  return (key) => {
    const at = seen.get(key);
    if (at !== undefined && now() - at < 3_600_000) return false;
    if (seen.size >= 1_000) seen.delete(seen.keys().next().value!);
    seen.set(key, now());
    return true;
  };
}
