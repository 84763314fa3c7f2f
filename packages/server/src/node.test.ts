import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './node';

describe('serving a Fetch handler on node:http', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let base: string;

  beforeAll(async () => {
    server = await serve(async (request, context) => Response.json({ method: request.method, body: await request.text(), ip: context.ip }, { headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2']] }), { port: 0, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes bodies through, empty or not, and every Set-Cookie header back', async () => {
    const withBody = await fetch(base, { method: 'POST', body: 'hello' });
    expect(await withBody.json()).toMatchObject({ method: 'POST', body: 'hello', ip: '127.0.0.1' });
    expect(withBody.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await (await fetch(base, { method: 'POST' })).json()).toMatchObject({ method: 'POST', body: '' });
    const chunked = await fetch(base, { method: 'POST', body: new Blob(['streamed']).stream(), duplex: 'half' } as RequestInit);
    expect(await chunked.json()).toMatchObject({ body: 'streamed' });
  });
});
