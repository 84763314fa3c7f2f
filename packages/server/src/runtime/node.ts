import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { isHost } from '@orbital/core/server';

type FetchHandler = (request: Request, context: { ip?: string }) => Promise<Response>;

/** Adapts a Fetch handler to `node:http`, passing the socket address for rate limits. */
export function toNodeListener(handler: FetchHandler) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch {
      // A Host header that is no host (or a path that is no path): the client's mistake, not ours.
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          error: { code: 'request_invalid', message: 'The request line or Host header is malformed.' },
        }),
      );
      return;
    }
    try {
      const response = await handler(request, { ip: req.socket.remoteAddress });
      res.statusCode = response.status;
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') res.setHeader(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader('set-cookie', cookies);
      if (req.method === 'HEAD' || !response.body) res.end();
      else res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      console.error('[orbital] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  };
}

function toRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? 'localhost';
  if (!isHost(host) || !req.url?.startsWith('/')) throw new TypeError('malformed request target');
  const url = `http://${host}${req.url}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  // An empty POST (a token refresh) needs no body stream: creating one costs more than the rest of the request's parsing.
  const hasBody =
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody && { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' }),
  } as RequestInit);
}

/** Serves a Fetch handler on a port; resolves once listening. */
export function serve(handler: FetchHandler, options: { port: number; hostname?: string }): Promise<Server> {
  const server = createServer(toNodeListener(handler));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => resolve(server));
  });
}
