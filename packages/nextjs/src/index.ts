/** @orbital/nextjs — Orbital for the Next.js App Router (client side: everything in @orbital/react). */
export * from '@orbital/react';
export { OrbitalProvider } from './OrbitalProvider.client';
