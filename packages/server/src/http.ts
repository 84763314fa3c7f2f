import { ApiError, isAllowedOrigin, parseCookies, type AllowedRedirectOrigin } from '@orbital/core';
import type { ResolvedOptions } from './options';

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
}

export function createExchange(request: Request, options: ResolvedOptions, ip: string | undefined): Exchange | null {
  const url = new URL(request.url);
  if (options.basePath && url.pathname !== options.basePath && !url.pathname.startsWith(`${options.basePath}/`)) return null;
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
  return new ApiError(400, 'dev_browser_refused', 'This is a production instance: development-browser tokens are refused. Serve the app and the auth server from the same site, or use a development (pk_test_) instance.');
}

const MAX_BODY = 64 * 1024;

async function readText(request: Request): Promise<string> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY) throw new ApiError(413, 'request_invalid', 'The request body is too large.');
  const text = await request.text();
  if (text.length > MAX_BODY) throw new ApiError(413, 'request_invalid', 'The request body is too large.');
  return text;
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
export function stringField(body: Record<string, unknown> | URLSearchParams, name: string, max = 256): string | undefined {
  const value = body instanceof URLSearchParams ? body.get(name) ?? undefined : body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) throw new ApiError(400, 'request_invalid', `"${name}" must be a string of at most ${max} characters.`);
  return value;
}

export function json(exchange: Exchange, data: unknown, status = 200): Response {
  return finish(exchange, new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8' } }));
}

export function html(exchange: Exchange, body: string, status = 200): Response {
  return finish(exchange, new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'", 'x-frame-options': 'DENY' } }));
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
 * Origins trusted to call the API with the user's cookies and to receive redirects: the auth
 * server's own, the configured ones, and in development any localhost port.
 */
export function isTrustedOrigin(origin: string, options: ResolvedOptions): boolean {
  return isAllowedOrigin(origin, options.origin, trustedOrigins(options));
}

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Apps on subdomains of the auth server's host share its session by default (same site, same
 * scheme); other sites must be listed in allowedRedirectOrigins.
 */
export function trustedOrigins(options: ResolvedOptions): AllowedRedirectOrigin[] {
  const { protocol, hostname } = new URL(options.origin);
  const subdomains = new RegExp(`^${protocol}//([a-z0-9-]+\\.)+${hostname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d{1,5})?$`);
  const trusted = [...options.allowedRedirectOrigins, subdomains];
  return options.mode === 'development' ? [...trusted, LOCALHOST] : trusted;
}

/** State-changing requests must come from a trusted origin: the CSRF guard. */
export function assertTrustedOrigin(exchange: Exchange, options: ResolvedOptions): string {
  const origin = exchange.request.headers.get('origin');
  if (!origin || origin === 'null' || !isTrustedOrigin(origin, options)) {
    throw new ApiError(403, 'origin_not_allowed', `Requests from ${origin ?? 'an unknown origin'} are not allowed. Add the app's origin to allowedRedirectOrigins on the auth server.`);
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
