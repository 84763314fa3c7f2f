import { errorResponse } from './error-response';

/** Request headers that describe one hop and must not be forwarded as they are. */
const HOP_BY_HOP = [
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'accept-encoding',
];

export interface AuthServerProxyOptions {
  /** The path this app serves the proxy under, e.g. `/api/auth`. */
  proxyPath: string;
  /** Where the auth server answers for this server, e.g. `http://10.0.0.5:4000/api/auth`. */
  target: string;
  /** Where the developer reads why the auth server is unreachable (default: `console.error`). */
  log?: (message: string) => void;
}

/**
 * Forwards requests under `proxyPath` to the auth server, so that a satellite's browser reaches it
 * first-party: its cookies (set without a Domain) belong to the satellite's own host.
 *
 * @example export const { GET, POST } = createRouteHandlers({ handler: createAuthServerProxy({ proxyPath: '/api/auth', target }) });
 */
export function createAuthServerProxy(options: AuthServerProxyOptions): (request: Request) => Promise<Response> {
  const prefix = options.proxyPath.replace(/\/+$/, '');
  const log = options.log ?? ((message: string) => console.error(`[orbital] ${message}`));
  const target = options.target.replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`))
      return new Response('Not found', { status: 404 });
    const headers = new Headers(request.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    headers.set('x-forwarded-host', url.host);
    headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let upstream: Response;
    try {
      upstream = await fetch(`${target}${url.pathname.slice(prefix.length)}${url.search}`, {
        method: request.method,
        headers,
        redirect: 'manual',
        ...(hasBody && { body: await request.arrayBuffer() }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      log(
        `the auth server at ${target} cannot be reached from this server (${cause?.code ?? cause?.message ?? String(error)}): check that it runs, and set ORBITAL_AUTH_SERVER_INTERNAL_URL to an address this server can reach.`,
      );
      return unreachable(request);
    }
    const responseHeaders = new Headers(upstream.headers);
    // fetch has already decoded the body.
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  };
}

const UNREACHABLE =
  'Signing in is not possible right now: this site cannot reach its sign-in service. Try again in a moment.';

/** 502 with a named cause: a page for a person, JSON for the browser client; both say to retry. */
function unreachable(request: Request): Response {
  return errorResponse(request, {
    status: 502,
    code: 'auth_server_unreachable',
    title: 'Sign-in is unavailable',
    message: UNREACHABLE,
    headers: { 'retry-after': '5' },
  });
}
