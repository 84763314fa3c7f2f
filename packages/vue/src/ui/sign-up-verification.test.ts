// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { createPublishableKey } from '@orbital/core';
import { SignUp, orbital } from '../index';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');
const verification = { id: 'ver_1', purpose: 'sign_up', email: 'ada@example.com', expiresAt: 2, resendAfter: 1 };

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

it('asks for the code the auth server emailed, and shows what was wrong with one', async () => {
  const fetch = vi.fn(async (url: string) => {
    if (url.endsWith('/v1/sign-ups')) return Response.json({ client: null, verification }, { status: 202 });
    if (url.endsWith('/v1/sign-ups/ver_1/verify'))
      return Response.json(
        { error: { code: 'verification_code_invalid', message: 'That code is not right (4 attempts left).' } },
        { status: 422 },
      );
    return Response.json({ client: null });
  });
  vi.stubGlobal('fetch', fetch);
  const container = document.body.appendChild(document.createElement('div'));
  createApp(defineComponent({ setup: () => () => h(SignUp) }))
    .use(orbital, { publishableKey })
    .mount(container);
  await nextTick();
  container.querySelector('form')!.requestSubmit();
  await vi.waitFor(() => expect(container.textContent).toContain('Check your email'));
  expect(container.textContent).toContain('We sent a six-digit code to ada@example.com.');
  expect(container.querySelector('label[for="orb-code"]')?.textContent).toBe('Verification code');
  container.querySelector('form')!.requestSubmit();
  await vi.waitFor(() =>
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('That code is not right (4 attempts left).'),
  );
  expect(fetch.mock.calls.map(([url]) => new URL(url).pathname)).toContain('/api/auth/v1/sign-ups/ver_1/verify');
});
