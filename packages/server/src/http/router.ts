import type { Exchange } from './exchange';

export type RouteHandler = (exchange: Exchange) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Route {
  method: Method;
  segments: string[];
  handler: RouteHandler;
}

/** A small path router: `/v1/client/sessions/:sessionId/tokens`. */
export function createRouter(table: Array<[Method, string, RouteHandler]>) {
  const routes: Route[] = table.map(([method, pattern, handler]) => ({
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
