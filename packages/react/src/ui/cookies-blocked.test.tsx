// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { createPublishableKey } from '@orbital/core';
import { OrbitalProvider } from '../OrbitalProvider';
import { SignIn } from './SignIn';
import { SignUp } from './SignUp';

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
  for (const form of [<SignIn key="in" />, <SignUp key="up" />]) {
    const container = document.body.appendChild(document.createElement('div'));
    await act(async () =>
      createRoot(container).render(<OrbitalProvider publishableKey={publishableKey}>{form}</OrbitalProvider>),
    );
    const sent = fetch.mock.calls.length;
    await act(async () => container.querySelector('form')!.requestSubmit());
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Your browser blocks cookies for this site',
    );
    expect(fetch.mock.calls.length).toBe(sent);
  }
});
