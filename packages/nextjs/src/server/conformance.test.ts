import { vi } from 'vitest';
import { NextRequest, type NextFetchEvent } from 'next/server';
import { runAdapterConformance, type AdapterDriver } from '@orbital/conformance';
import type { OrbitalOptions } from '@orbital/core';
import { auth } from './auth';
import { orbitalMiddleware } from './middleware';

// auth() reads the request headers Next hands the route: the ones the middleware forwarded.
let forwarded = new Headers();
vi.mock('next/headers.js', () => ({ headers: async () => forwarded }));
// connection() marks request-time rendering, which only Next's renderer has; here every call is one.
vi.mock('next/server.js', async (original) => ({ ...(await original<object>()), connection: async () => {} }));
// Next's unauthorized() is behind experimental.authInterrupts; the app under test enables it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

/** What Next does with the navigation errors redirect() and unauthorized() throw. */
function navigationResponse(error: unknown): Response {
  const digest = String((error as { digest?: string }).digest ?? '');
  const redirect = /^NEXT_REDIRECT;\w+;(.+);(\d{3});/.exec(digest);
  if (redirect) return new Response(null, { status: Number(redirect[2]), headers: { location: redirect[1]! } });
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;401') return new Response('Unauthorized', { status: 401 });
  throw error;
}

/** The route after the middleware, as Next renders it: the request headers the middleware forwarded. */
async function route(
  response: Response,
  request: NextRequest,
  protect: boolean,
): Promise<{ response: Response; auth: Awaited<ReturnType<typeof auth>> | null }> {
  if (!response.headers.has('x-middleware-next')) return { response, auth: null };
  forwarded = new Headers(request.headers);
  for (const name of (response.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean)) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value === null) forwarded.delete(name);
    else forwarded.set(name, value);
  }
  if (!forwarded.has('x-orbital-auth-status')) return { response, auth: null };
  const result = await auth();
  if (!protect) return { response, auth: result };
  try {
    result.protect();
    return { response, auth: result };
  } catch (error) {
    return { response: navigationResponse(error), auth: result };
  }
}

const fetchEvent = {} as NextFetchEvent;

const middlewareDriver: AdapterDriver = {
  unauthorizedBody: 'json',
  app: (options: OrbitalOptions) => ({
    async request(request, { protect = false } = {}) {
      const next = new NextRequest(request);
      const middleware = orbitalMiddleware((auth) => (protect ? auth.protect() : undefined), options);
      return route(await middleware(next, fetchEvent), next, false);
    },
  }),
  guardWithoutMiddleware: async () => {
    forwarded = new Headers();
    return (await auth()).protect();
  },
};

const authDriver: AdapterDriver = {
  unauthorizedBody: 'framework',
  app: (options: OrbitalOptions) => {
    const middleware = orbitalMiddleware(options);
    return {
      async request(request, { protect = false } = {}) {
        const next = new NextRequest(request);
        return route(await middleware(next, fetchEvent), next, protect);
      },
    };
  },
  guardWithoutMiddleware: middlewareDriver.guardWithoutMiddleware,
};

runAdapterConformance('@orbital/nextjs orbitalMiddleware(handler) with auth.protect()', middlewareDriver);
runAdapterConformance('@orbital/nextjs auth().protect() after orbitalMiddleware(options)', authDriver);
