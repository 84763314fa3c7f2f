import { useCallback, useState } from 'react';
import { useRouter } from '@tanstack/react-router';
import { ConfigurationError, publicOptions } from '@orbital/core';
import { initialAuthState } from '@orbital/core/browser';
import { OrbitalProvider as ReactProvider, useOrbital, type OrbitalProviderProps } from '@orbital/react';
import { registerBrowserClient } from './browser-client';
import { requestContext, type SsrState } from './request-context';

const STATE_ID = '__orbital_ssr';

/**
 * The provider for your root route. On the server it reads the configuration and the request's
 * auth from `orbitalMiddleware` and sends both with the HTML, so the first render in the browser
 * matches the server's (no flash) and the configuration can come from env vars at run time.
 * Props override what the server sent.
 *
 * @example <OrbitalProvider afterSignOutUrl="/"><Outlet /></OrbitalProvider>
 */
export function OrbitalProvider({
  children,
  publishableKey,
  initialState,
  ...props
}: Omit<OrbitalProviderProps, 'publishableKey'> & { publishableKey?: string }) {
  const [ssr] = useState(readSsrState);
  const router = useRouter();
  // Another tab signed in, out or switched: loaders (and the auth they read) run again.
  const routerRefresh = useCallback(() => router.invalidate(), [router]);
  const key = publishableKey ?? ssr?.options.publishableKey;
  if (!key) {
    throw new ConfigurationError(
      'publishable_key_missing',
      'Orbital needs a publishable key: add orbitalMiddleware() to requestMiddleware in src/start.ts and set VITE_ORBITAL_PUBLISHABLE_KEY (or pass publishableKey).',
    );
  }
  return (
    <>
      {ssr && (
        <script
          id={STATE_ID}
          type="application/json"
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: serialize(ssr) }}
        />
      )}
      <ReactProvider
        routerRefresh={routerRefresh}
        {...ssr?.options}
        {...props}
        publishableKey={key}
        initialState={initialState ?? ssr?.initialState}
      >
        <RegisterBrowserClient />
        {children}
      </ReactProvider>
    </>
  );
}

function RegisterBrowserClient() {
  registerBrowserClient(useOrbital());
  return null;
}

function readSsrState(): SsrState | null {
  if (typeof document !== 'undefined') {
    const text = document.getElementById(STATE_ID)?.textContent;
    return text ? (JSON.parse(text) as SsrState) : null;
  }
  const context = requestContext();
  if (!context) return null;
  return { options: publicOptions(context.options), initialState: initialAuthState(context.auth, context.diagnostic) };
}

/** JSON that cannot end the script element it sits in. */
function serialize(state: SsrState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
