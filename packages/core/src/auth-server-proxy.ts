/** Request headers that describe one hop and must not be forwarded as they are. */
const HOP_BY_HOP = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'accept-encoding'];

export interface AuthServerProxyOptions {
  /** The path this app serves the proxy under, e.g. `/api/auth`. */
  proxyPath: string;
  /** Where the auth server answers for this server, e.g. `http://10.0.0.5:4000/api/auth`. */
  target: string;
}

/**
 * Forwards requests under `proxyPath` to the auth server, so that a satellite's browser reaches it
 * first-party: its cookies (set without a Domain) belong to the satellite's own host.
 *
 * @example export const { GET, POST } = createRouteHandlers({ handler: createAuthServerProxy({ proxyPath: '/api/auth', target }) });
 */
export function createAuthServerProxy(options: AuthServerProxyOptions): (request: Request) => Promise<Response> {
  const prefix = options.proxyPath.replace(/\/+$/, '');
  const target = options.target.replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return new Response('Not found', { status: 404 });
    const headers = new Headers(request.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    headers.set('x-forwarded-host', url.host);
    headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const upstream = await fetch(`${target}${url.pathname.slice(prefix.length)}${url.search}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      ...(hasBody && { body: await request.arrayBuffer() }),
    });
    const responseHeaders = new Headers(upstream.headers);
    // fetch has already decoded the body.
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
  };
}
