import { describe, expect, it } from 'vitest';
import { errorResponse } from './error-response';

const page = new Request('http://localhost:3000/', { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });
const hostile = '<script>alert(1)</script> & "quotes"';

describe('an error answered to a person or a program', () => {
  it('prints text that came from elsewhere (an auth server’s message) as text, never as markup', async () => {
    const response = errorResponse(page, {
      status: 500,
      code: 'sync_failed',
      title: 'Signing in did not complete',
      message: 'Try again.',
      detail: hostile,
    });
    const body = await response.text();
    expect(body).not.toContain('<script>');
    expect(body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives programs the code and message as JSON, and no development detail', async () => {
    const response = errorResponse(new Request('http://localhost:3000/api/me'), {
      status: 500,
      code: 'sync_failed',
      title: 't',
      message: 'Try again.',
      detail: 'internal',
    });
    expect(await response.json()).toEqual({ error: { code: 'sync_failed', message: 'Try again.' } });
  });
});
