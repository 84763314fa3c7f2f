import type { ServerContext } from '../context';
import type { Exchange } from './exchange';

/** A named function per endpoint: `POST /v1/sign-ins` is `createSignIn(ctx, exchange)`. */
export type RouteHandler = (ctx: ServerContext, exchange: Exchange) => Promise<Response>;
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** A route table row: method, path pattern (`:name` segments become `exchange.params.name`), handler. */
export type Route = readonly [Method, string, RouteHandler];

interface CompiledRoute {
  method: Method;
  segments: string[];
  handler: RouteHandler;
}

/** A small path router: `/v1/client/sessions/:sessionId/tokens`. */
export function createRouter(table: readonly Route[]) {
  const routes: CompiledRoute[] = table.map(([method, pattern, handler]) => ({
    method,
    segments: pattern.split('/').filter(Boolean),
    handler,
  }));
  return {
    /** The handler for a request, `'method'` when only the method is wrong, or null. */
    match(method: string, exchange: Exchange): RouteHandler | 'method' | null {
      const parts = exchange.path.split('/').filter(Boolean).map(safeDecode);
      let methodMismatch = false;
      for (const route of routes) {
        const params = matchSegments(route.segments, parts);
        if (!params) continue;
        if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
          methodMismatch = true;
          continue;
        }
        exchange.params = params;
        return route.handler;
      }
      return methodMismatch ? 'method' : null;
    },
  };
}

function matchSegments(pattern: string[], parts: (string | null)[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = parts[i];
    if (actual === null || actual === undefined) return null;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
