import type { ReactNode } from 'react';
import { HeadContent, Link, Outlet, Scripts, createRootRoute } from '@tanstack/react-router';
import {
  OrbitalProvider,
  OrganizationSwitcher,
  SignInButton,
  SignUpButton,
  SignedIn,
  SignedOut,
  UserButton,
} from '@orbital/tanstack-react-start';
import { ClientStatus } from '../components/ClientStatus';
import { getRole } from '../demo.functions';

export const Route = createRootRoute({
  head: () => ({
    meta: [
      { charSet: 'utf-8' },
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
      { title: 'Orbital · TanStack Start demo' },
    ],
  }),
  loader: () => getRole(),
  staleTime: Infinity,
  component: Root,
});

function Root() {
  const { isSatellite } = Route.useLoaderData();
  return (
    <Document>
      <OrbitalProvider>
        <header
          style={{
            display: 'flex',
            gap: '1rem',
            alignItems: 'center',
            padding: '.75rem 1.5rem',
            background: '#fff',
            borderBottom: '1px solid #d9dce3',
          }}
        >
          <strong>Orbital demo{isSatellite ? ' (satellite)' : ''}</strong>
          <nav style={{ display: 'flex', gap: '1rem', flex: 1 }}>
            <Link to="/">Home</Link>
            <Link to="/dashboard">Dashboard</Link>
          </nav>
          <ClientStatus />
          <SignedOut>
            <SignInButton /> <SignUpButton />
          </SignedOut>
          <SignedIn>
            <OrganizationSwitcher />
            <UserButton />
          </SignedIn>
        </header>
        <main style={{ padding: '2rem 1.5rem', maxWidth: '48rem' }}>
          <Outlet />
        </main>
      </OrbitalProvider>
    </Document>
  );
}

function Document({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <HeadContent />
      </head>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, background: '#f5f6f8', color: '#16181d' }}>
        {children}
        <Scripts />
      </body>
    </html>
  );
}
