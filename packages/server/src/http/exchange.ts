import { ApiError, isAllowedOrigin, parseCookies } from '@orbital/core';
import type { ResolvedOptions } from '../options';

/** One request on its way through the auth server, with the cookies its response will set. */
export interface Exchange {
  request: Request;
  url: URL;
  /** The path below the mount point, e.g. `/v1/client`. */
  path: string;
  params: Record<string, string>;
  ip: string;
  cookies: Record<string, string | undefined>;
  setCookies: string[];
  /** A development browser's new token after sign-in, sent back in the JSON answer. */
  devBrowser?: string;
}

export function createExchange(request: Request, options: ResolvedOptions, ip: string | undefined): Exchange | null {
  const url = new URL(request.url);
  if (options.basePath && url.pathname !== options.basePath && !url.pathname.startsWith(`${options.basePath}/`))
    return null;
  const forwarded = options.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return {
    request,
    url,
    path: url.pathname.slice(options.basePath.length) || '/',
    params: {},
    ip: forwarded || ip || 'unknown',
    cookies: parseCookies(request.headers.get('cookie')),
    setCookies: [],
  };
}

export function devBrowserRefused(): ApiError {
  return new ApiError(
    400,
    'dev_browser_refused',
    'This is a production instance: development-browser tokens are refused. Serve the app and the auth server from the same site, or use a development (pk_test_) instance.',
  );
}

/** The largest request body the API and the pages read (their forms and JSON are a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(): ApiError {
  return new ApiError(
    413,
    'request_too_large',
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KB; Orbital's requests are far smaller.`,
  );
}

/**
 * The body as text, read while it streams: a declared `Content-Length` over the limit is refused
 * before reading, and a chunked body is cut off as soon as it passes the limit, so a huge upload
 * costs at most the limit in memory, whatever it says about itself.
 */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ApiError(400, 'request_invalid', 'The request body is not valid UTF-8.');
  }
}

/** A JSON object body; anything else is a 400 `request_invalid`. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'request_invalid', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const text = await readText(request);
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ApiError(400, 'request_invalid', 'The request body is not a JSON object.');
}

export async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(request));
}

/** A string field of at most `max` characters, or undefined when absent. */
export function stringField(
  body: Record<string, unknown> | URLSearchParams,
  name: string,
  max = 256,
): string | undefined {
  const value = body instanceof URLSearchParams ? (body.get(name) ?? undefined) : body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw new ApiError(400, 'request_invalid', `"${name}" must be a string of at most ${max} characters.`);
  return value;
}

export function json(exchange: Exchange, data: unknown, status = 200): Response {
  return finish(
    exchange,
    new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8' } }),
  );
}

export function html(exchange: Exchange, body: string, status = 200): Response {
  return finish(
    exchange,
    new Response(body, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
        'x-frame-options': 'DENY',
      },
    }),
  );
}

/** 303 See Other: after a form POST the browser follows with a GET. */
export function redirect(exchange: Exchange, location: string, status = 303): Response {
  return finish(exchange, new Response(null, { status, headers: { location } }));
}

export function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message } };
}

function finish(exchange: Exchange, response: Response): Response {
  for (const cookie of exchange.setCookies) response.headers.append('set-cookie', cookie);
  response.headers.set('cache-control', 'no-store');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('x-content-type-options', 'nosniff');
  return response;
}

/**
 * Origins trusted to call the API with the user's cookies, mint tokens and receive redirects: the
 * auth server's own and the configured `trustedOrigins` (origins, or subdomain patterns
 * such as `https://*.example.com`) — nothing implicit, in development neither.
 */
export function isTrustedOrigin(origin: string, options: ResolvedOptions): boolean {
  return isAllowedOrigin(origin, options.origin, options.trustedOrigins);
}

/** State-changing requests must come from a trusted origin: the CSRF guard. */
export function assertTrustedOrigin(exchange: Exchange, options: ResolvedOptions): string {
  const origin = exchange.request.headers.get('origin');
  if (!origin || origin === 'null' || !isTrustedOrigin(origin, options)) {
    throw new ApiError(
      403,
      'origin_not_allowed',
      `Requests from ${origin ?? 'an unknown origin'} are not allowed. Add the app's origin to trustedOrigins on the auth server.`,
    );
  }
  return origin;
}

/** CORS for browser clients on other trusted origins (credentials included, never `*`). */
export function withCors(request: Request, response: Response, options: ResolvedOptions): Response {
  const origin = request.headers.get('origin');
  if (origin && origin !== options.origin && isTrustedOrigin(origin, options)) {
    response.headers.set('access-control-allow-origin', origin);
    response.headers.set('access-control-allow-credentials', 'true');
    response.headers.append('vary', 'Origin');
  }
  return response;
}

export function preflight(request: Request, options: ResolvedOptions): Response {
  const response = new Response(null, { status: 204 });
  response.headers.set('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
  response.headers.set('access-control-allow-headers', 'content-type, authorization');
  response.headers.set('access-control-max-age', '600');
  return withCors(request, response, options);
}
