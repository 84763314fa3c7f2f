// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSSRApp, defineComponent, h, nextTick, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPublishableKey } from '@orbital/core';
import { SignIn, SignUp, orbital } from './index';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');
const appOf = (component: Component) =>
  createSSRApp(defineComponent({ setup: () => () => h(component) })).use(orbital, { publishableKey });

/** Renders as the server does (no window), then hydrates in the browser at `pageUrl`. */
async function serverThenBrowser(component: Component, pageUrl: string) {
  vi.stubGlobal('window', undefined);
  const html = await renderToString(appOf(component));
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', pageUrl);
  vi.stubGlobal('fetch', async () => Response.json({ client: null }));
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const complaints: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation(
    (...args: unknown[]) => void complaints.push(args.map(String).join(' ')),
  );
  vi.spyOn(console, 'error').mockImplementation(
    (...args: unknown[]) => void complaints.push(args.map(String).join(' ')),
  );
  appOf(component).mount(container);
  await nextTick();
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
      [SignIn, 'Sign up'],
      [SignUp, 'Sign in'],
    ] as const) {
      const { container, complaints } = await serverThenBrowser(
        form,
        `/sign-in?redirect_url=${encodeURIComponent('/dashboard')}`,
      );
      expect(complaints.filter((c) => /hydrat|mismatch/i.test(c))).toEqual([]);
      const link = [...container.querySelectorAll('a')].find((a) => a.textContent === linkText)!;
      expect(link.getAttribute('href')).toContain(`redirect_url=${back}`);
      document.body.innerHTML = '';
    }
  });
});
