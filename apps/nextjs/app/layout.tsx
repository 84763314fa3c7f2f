import { Suspense, type ReactNode } from 'react';
import Link from 'next/link';
import {
  OrbitalProvider,
  OrganizationSwitcher,
  SignInButton,
  SignUpButton,
  SignedIn,
  SignedOut,
  UserButton,
} from '@orbital/nextjs';
import { ClientStatus } from './components/ClientStatus';
import { DemoTitle } from './components/DemoTitle';

export const metadata = { title: 'Orbital · Next.js demo' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, background: '#f5f6f8', color: '#16181d' }}>
        {/* `dynamic`: the first HTML shows who is signed in. Cache Components (create-next-app's
            default) wants request-time rendering inside <Suspense>. */}
        <Suspense>
          <OrbitalProvider dynamic>
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
              <DemoTitle />
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
        </Suspense>
      </body>
    </html>
  );
}
