// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createPublishableKey } from '@orbital/core';
import { OrbitalProvider } from './OrbitalProvider';
import { SignIn } from './ui/SignIn';
import { SignUp } from './ui/SignUp';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');

/** Renders as the server does (no window), then hydrates in the browser at `pageUrl`. */
async function serverThenBrowser(node: React.ReactNode, pageUrl: string) {
  const app = <OrbitalProvider publishableKey={publishableKey}>{node}</OrbitalProvider>;
  vi.stubGlobal('window', undefined);
  const html = renderToString(app);
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', pageUrl);
  vi.stubGlobal('fetch', async () => Response.json({ client: null }));
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const complaints: string[] = [];
  vi.spyOn(console, 'error').mockImplementation(
    (...args: unknown[]) => void complaints.push(args.map(String).join(' ')),
  );
  await act(
    async () =>
      void hydrateRoot(container, app, { onRecoverableError: (error) => void complaints.push(String(error)) }),
  );
  return { container, complaints };
}

describe('links that depend on the current page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('hydrate without a mismatch, then keep the way back to the protected page', async () => {
    const back = encodeURIComponent('http://localhost:3000/dashboard');
    for (const [form, linkText] of [
      [<SignIn key="in" />, 'Sign up'],
      [<SignUp key="up" />, 'Sign in'],
    ] as const) {
      const { container, complaints } = await serverThenBrowser(
        form,
        `/sign-in?redirect_url=${encodeURIComponent('/dashboard')}`,
      );
      expect(complaints.filter((c) => /hydrat|did not match|didn't match/i.test(c))).toEqual([]);
      const link = [...container.querySelectorAll('a')].find((a) => a.textContent === linkText)!;
      expect(link.getAttribute('href')).toContain(`redirect_url=${back}`);
      document.body.innerHTML = '';
    }
  });
});
