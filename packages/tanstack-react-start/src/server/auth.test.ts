import { describe, expect, it } from 'vitest';
import { requireSignIn } from '../require-sign-in';
import { getAuth, requireAuth } from './auth';

describe('outside orbitalMiddleware', () => {
  it('getAuth() and requireAuth() say how to add the middleware instead of guessing "signed out"', () => {
    expect(() => getAuth()).toThrow(
      expect.objectContaining({ code: 'middleware_missing', message: expect.stringContaining('src/start.ts') }),
    );
    expect(() => requireAuth()).toThrow(expect.objectContaining({ code: 'middleware_missing' }));
  });

  it('requireSignIn on the server refuses to let anyone through', async () => {
    await expect(requireSignIn({ location: { href: '/dashboard' } })).rejects.toMatchObject({
      code: 'middleware_missing',
    });
  });
});
