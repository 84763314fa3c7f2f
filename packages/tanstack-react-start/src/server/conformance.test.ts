import { runAdapterConformance, type AdapterDriver } from '@orbital/conformance';
import { routeGuard, type OrbitalOptions } from '@orbital/core';
import { CONTEXT_KEY, type OrbitalRequestContext } from '../request-context';
import { requireSignIn } from '../require-sign-in';
import { signedInAuthOf } from './auth';
import { orbitalMiddleware } from './middleware';

type ServerFn = (options: {
  request: Request;
  pathname: string;
  context: object;
  next: (options?: { context?: object }) => Promise<unknown>;
  handlerType: 'router';
}) => Promise<unknown>;

/**
 * Start in-process: Orbital's request middleware, then one route that reads the context it set —
 * protecting pages the way `requireSignIn` does on the server and API routes with `requireAuth()`.
 */
async function start(options: OrbitalOptions, request: Request, protect: boolean) {
  const server = (orbitalMiddleware(options) as unknown as { options: { server: ServerFn } }).options.server;
  let seen: OrbitalRequestContext | undefined;
  const route = (context: OrbitalRequestContext | undefined): Response => {
    seen = context;
    // Requests Orbital passed through belong to the auth server's own route, which reads no auth.
    if (!context || !protect) return new Response('ok');
    if (new URL(request.url).pathname.startsWith('/api/')) signedInAuthOf(context);
    else {
      const signIn = routeGuard(context, request.url, 'add orbitalMiddleware()');
      if (signIn) return new Response(null, { status: 307, headers: { location: signIn } });
    }
    return new Response('ok');
  };
  const result = await server({
    request,
    pathname: new URL(request.url).pathname,
    context: {},
    handlerType: 'router',
    next: async ({ context = {} } = {}) => {
      let response: Response;
      try {
        response = route((context as Record<string, OrbitalRequestContext | undefined>)[CONTEXT_KEY]);
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        response = thrown;
      }
      return { request, pathname: '/', context, response };
    },
  });
  const response = result instanceof Response ? result : (result as { response: Response }).response;
  return { response, seen };
}

const driver: AdapterDriver = {
  unauthorizedBody: 'json',
  app: (options) => ({
    async request(request, { protect = false } = {}) {
      const { response, seen } = await start(options, request, protect);
      return { response, auth: seen?.auth ?? null };
    },
  }),
  guardWithoutMiddleware: () => requireSignIn({ location: { href: '/dashboard' } }),
};

runAdapterConformance('@orbital/tanstack-react-start request middleware, requireAuth and requireSignIn', driver);
