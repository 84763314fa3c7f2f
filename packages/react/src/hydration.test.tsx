import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { createPublishableKey } from '@orbital/core';
import { SignInButton, SignUpButton } from './buttons';
import { OrbitalProvider } from './OrbitalProvider';
import { SignIn } from './ui/SignIn';
import { SignUp } from './ui/SignUp';

const publishableKey = createPublishableKey('http://localhost:3000/api/auth', 'development');
const serverRender = (node: ReactNode) =>
  renderToString(<OrbitalProvider publishableKey={publishableKey}>{node}</OrbitalProvider>);

describe('the prebuilt controls before hydration', () => {
  it('render the forms with their fields disabled, so an early submit cannot drop what was typed', () => {
    for (const form of [<SignIn key="in" />, <SignUp key="up" />]) {
      const html = serverRender(form);
      expect(html).toContain('<fieldset disabled="">');
      expect(html).toMatch(/<label class="orb-field" for="orb-[a-z-]+">Email address<\/label>/);
    }
  });

  it('render the sign-in and sign-up buttons disabled, so an early click is not silently lost', () => {
    // A disabled button with its label, whatever React's serialisation of the attributes.
    expect(serverRender(<SignInButton />)).toMatch(/<button\b[^>]*\bdisabled\b[^>]*>Sign in<\/button>/);
    expect(serverRender(<SignUpButton />)).toMatch(/<button\b[^>]*\bdisabled\b[^>]*>Sign up<\/button>/);
  });
});
