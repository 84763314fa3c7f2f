/** @orbital/nextjs in server components: the same exports, with the provider that reads the request's auth. */
export * from '@orbital/react';
export { OrbitalProvider } from './OrbitalProvider.server';
