import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveOptions } from './options';
import { createLazyRequestPipeline } from './request-pipeline';

const page = () =>
  new Request('http://localhost:3000/dashboard', { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });

describe('an app whose configuration is broken', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('in production answers a page that shows no internals, and logs the cause once', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const logged: string[] = [];
    const pipeline = createLazyRequestPipeline(
      () => resolveOptions(process.env, 'NEXT_PUBLIC_'),
      (m) => logged.push(m),
    );
    for (let i = 0; i < 3; i++) {
      const result = await pipeline.handle(page());
      if (result.action !== 'respond') throw new Error('expected a response');
      expect(result.response.status).toBe(500);
      const body = await result.response.text();
      expect(body).toContain('Signing in is not set up on this site yet');
      expect(body).toContain('publishable_key_missing');
      expect(body).not.toContain('NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY');
    }
    expect(logged).toEqual([expect.stringContaining('set NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY')]);
  });

  it('answers API requests with the code as JSON', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const pipeline = createLazyRequestPipeline(
      () => resolveOptions(process.env, 'VITE_'),
      () => {},
    );
    const result = await pipeline.handle(new Request('http://localhost:3000/api/me'));
    if (result.action !== 'respond') throw new Error('expected a response');
    expect(await result.response.json()).toMatchObject({ error: { code: 'publishable_key_missing' } });
  });
});
