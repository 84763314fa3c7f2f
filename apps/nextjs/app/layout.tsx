import type { ReactNode } from 'react';
import Link from 'next/link';
import { OrbitalProvider, OrganizationSwitcher, SignInButton, SignUpButton, SignedIn, SignedOut, UserButton } from '@orbital/nextjs';
import { nextOptions } from '@orbital/nextjs/server';
import { ClientStatus } from './components/ClientStatus';

export const metadata = { title: 'Orbital · Next.js demo' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, background: '#f5f6f8', color: '#16181d' }}>
        <OrbitalProvider>
          <header style={{ display: 'flex', gap: '1rem', alignItems: 'center', padding: '.75rem 1.5rem', background: '#fff', borderBottom: '1px solid #d9dce3' }}>
            <strong>Orbital demo{nextOptions().isSatellite ? ' (satellite)' : ''}</strong>
            <nav style={{ display: 'flex', gap: '1rem', flex: 1 }}>
              <Link href="/">Home</Link>
              <a href="/dashboard">Dashboard</a>
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
          <main style={{ padding: '2rem 1.5rem', maxWidth: 48 + 'rem' }}>{children}</main>
        </OrbitalProvider>
      </body>
    </html>
  );
}
