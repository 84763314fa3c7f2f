import { afterEach, expect, it, vi } from 'vitest';
import { createPublishableKey } from '@orbital/core';

/** The prebuilt forms every UI adapter ships. */
export type PrebuiltForm = 'SignIn' | 'SignUp';

/** How one UI adapter (`@orbital/react`, `@orbital/vue`) renders its prebuilt forms in a DOM test. */
export interface UiDriver {
  /** Renders `form` inside the adapter's provider for `publishableKey` into `container`, settled. */
  mount(form: PrebuiltForm, container: HTMLElement, publishableKey: string): Promise<void>;
  /** Submits `form` the framework's way (React wraps it in `act`). */
  submit(form: HTMLFormElement): Promise<void>;
}

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');
const verification = { id: 'ver_1', purpose: 'sign_up', email: 'ada@example.com', expiresAt: 2, resendAfter: 1 };

/** The auth server, faked at `fetch`: a sign-up that waits for its emailed code, which is wrong. */
function authServerNeedingCode() {
  return vi.fn(async (url: string) => {
    if (url.endsWith('/v1/sign-ups')) return Response.json({ client: null, verification }, { status: 202 });
    if (url.endsWith('/v1/sign-ups/ver_1/verify'))
      return Response.json(
        { error: { code: 'verification_code_invalid', message: 'That code is not right (4 attempts left).' } },
        { status: 422 },
      );
    return Response.json({ client: null });
  });
}

/**
 * What a person sees in the prebuilt forms, the same in every UI adapter: run in each adapter's
 * own tests (happy-dom) with its driver.
 */
export function runUiConformance(ui: UiDriver): void {
  const mounted = async (form: PrebuiltForm) => {
    const container = document.body.appendChild(document.createElement('div'));
    await ui.mount(form, container, publishableKey);
    return container;
  };
  const alert = (container: HTMLElement) => container.querySelector('[role="alert"]')?.textContent;

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('the sign-in and sign-up forms tell a person whose browser blocks cookies what to do, and send nothing', async () => {
    const fetch = vi.fn(async () => Response.json({ client: null }));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    for (const form of ['SignIn', 'SignUp'] as const) {
      const container = await mounted(form);
      const sent = fetch.mock.calls.length;
      await ui.submit(container.querySelector('form')!);
      await vi.waitFor(() => expect(alert(container)).toContain('Your browser blocks cookies for this site'));
      expect(fetch.mock.calls.length).toBe(sent);
    }
  });

  it('sign-up asks for the code the auth server emailed, and shows what was wrong with one', async () => {
    const fetch = authServerNeedingCode();
    vi.stubGlobal('fetch', fetch);
    const container = await mounted('SignUp');
    await ui.submit(container.querySelector('form')!);
    await vi.waitFor(() => expect(container.textContent).toContain('Check your email'));
    expect(container.textContent).toContain('We sent a six-digit code to ada@example.com.');
    expect(container.querySelector('label[for="orb-code"]')?.textContent).toBe('Verification code');
    await ui.submit(container.querySelector('form')!);
    await vi.waitFor(() => expect(alert(container)).toBe('That code is not right (4 attempts left).'));
    expect(fetch.mock.calls.map(([url]) => new URL(url).pathname)).toContain('/api/auth/v1/sign-ups/ver_1/verify');
  });
}
