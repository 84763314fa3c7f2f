import { describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPublishableKey } from '@orbital/core';
import {
  SignIn,
  SignInButton,
  SignedIn,
  SignedOut,
  SignUp,
  SignUpButton,
  orbital,
  useAuth,
  type InitialAuthState,
} from './index';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');

function render(initialState: InitialAuthState | undefined, content: () => unknown) {
  const app = createSSRApp(defineComponent({ setup: () => content }));
  app.use(orbital, { publishableKey, initialState });
  return renderToString(app);
}

const Who = defineComponent({
  setup() {
    const { isLoaded, userId, orgRole, has } = useAuth();
    return () =>
      h(
        'p',
        isLoaded.value
          ? `user: ${userId.value ?? 'none'} role: ${orgRole.value ?? 'none'} admin: ${has({ role: 'admin' })}`
          : 'loading',
      );
  },
});

describe('server rendering with the server’s auth state (no flash)', () => {
  it('renders the signed-in branch and the user from the initial state', async () => {
    const html = await render({ userId: 'user_1', sessionId: 'sess_1', orgId: 'org_1', orgRole: 'admin' }, () => [
      h(SignedIn, () => 'IN-BRANCH'),
      h(SignedOut, () => 'OUT-BRANCH'),
      h(Who),
    ]);
    expect(html).toContain('IN-BRANCH');
    expect(html).not.toContain('OUT-BRANCH');
    expect(html).toContain('user: user_1 role: admin admin: true');
  });

  it('renders the signed-out branch for a signed-out request, and nothing of either before anything is known', async () => {
    expect(
      await render({ userId: null, sessionId: null }, () => [
        h(SignedIn, () => 'IN-BRANCH'),
        h(SignedOut, () => 'OUT-BRANCH'),
      ]),
    ).toContain('OUT-BRANCH');
    const unknown = await render(undefined, () => [
      h(SignedIn, () => 'IN-BRANCH'),
      h(SignedOut, () => 'OUT-BRANCH'),
      h(Who),
    ]);
    expect(unknown).not.toMatch(/IN-BRANCH|OUT-BRANCH/);
    expect(unknown).toContain('loading');
  });

  it('renders the prebuilt forms with labelled fields and the shared stylesheet', async () => {
    const html = await render(undefined, () => [h(SignIn), h(SignUp)]);
    expect(html).toMatch(/<label class="orb-field" for="orb-identifier">Email address<\/label>/);
    expect(html).toContain('id="orb-identifier"');
    expect(html).toContain('Create account');
    expect(html).toContain('.orb-card{');
  });

  it('renders the prebuilt forms disabled until hydrated, so an early submit cannot drop what was typed', async () => {
    for (const form of [SignIn, SignUp])
      expect(await render(undefined, () => h(form))).toContain('<fieldset disabled>');
  });

  it('renders the sign-in and sign-up buttons disabled until hydrated, so an early click is not silently lost', async () => {
    const html = await render(undefined, () => [h(SignInButton), h(SignUpButton)]);
    // A disabled button with its label, whatever Vue's serialisation of the attributes and fragments.
    expect(html).toMatch(/<button\b[^>]*\bdisabled\b[^>]*>Sign in<\/button>/);
    expect(html).toMatch(/<button\b[^>]*\bdisabled\b[^>]*>Sign up<\/button>/);
  });

  it('says how to install the plugin when a composable runs without it', async () => {
    const app = createSSRApp(Who);
    await expect(renderToString(app)).rejects.toMatchObject({ code: 'configuration_invalid' });
  });
});
