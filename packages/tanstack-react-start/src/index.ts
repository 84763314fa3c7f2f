/** @orbital/tanstack-react-start — Orbital for TanStack Start: everything in @orbital/react, a provider fed by the server, and route guards. */
export * from '@orbital/react';
export { OrbitalProvider } from './OrbitalProvider';
export { requireSignIn, type RouteAuth } from './require-sign-in';
