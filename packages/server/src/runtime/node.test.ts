import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './node';

describe('serving a Fetch handler on node:http', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let base: string;

  beforeAll(async () => {
    server = await serve(
      async (request, context) =>
        Response.json(
          { method: request.method, body: await request.text(), ip: context.ip },
          {
            headers: [
              ['set-cookie', 'a=1'],
              ['set-cookie', 'b=2'],
            ],
          },
        ),
      { port: 0, hostname: '127.0.0.1' },
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes bodies through, empty or not, and every Set-Cookie header back', async () => {
    const withBody = await fetch(base, { method: 'POST', body: 'hello' });
    expect(await withBody.json()).toMatchObject({ method: 'POST', body: 'hello', ip: '127.0.0.1' });
    expect(withBody.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await (await fetch(base, { method: 'POST' })).json()).toMatchObject({ method: 'POST', body: '' });
    const chunked = await fetch(base, {
      method: 'POST',
      body: new Blob(['streamed']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(await chunked.json()).toMatchObject({ body: 'streamed' });
  });

  it('answers a malformed Host header with 400 request_invalid, not 500', async () => {
    const { request } = await import('node:http');
    const { port } = server.address() as AddressInfo;
    for (const host of ['evil.com/path?', 'a b', 'user@evil.com']) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/v1/client', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'request_invalid' } });
    }
  });
});
