// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { createPublishableKey } from '@orbital/core';
import { SignIn, SignUp, orbital } from '../index';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

it('the sign-in and sign-up forms tell a person whose browser blocks cookies what to do, and send nothing', async () => {
  const fetch = vi.fn(async () => Response.json({ client: null }));
  vi.stubGlobal('fetch', fetch);
  vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
  for (const form of [SignIn, SignUp]) {
    const container = document.body.appendChild(document.createElement('div'));
    createApp(defineComponent({ setup: () => () => h(form) }))
      .use(orbital, { publishableKey })
      .mount(container);
    await nextTick();
    const sent = fetch.mock.calls.length;
    container.querySelector('form')!.requestSubmit();
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toContain(
        'Your browser blocks cookies for this site',
      ),
    );
    expect(fetch.mock.calls.length).toBe(sent);
  }
});
