/** @orbital/server — the Orbital auth server as one Fetch handler. */
export { createOrbitalServer, type OrbitalServer } from './server';
export type { OrbitalServerOptions, RateLimits } from './options';
export type { CustomClaims, ClaimsContext } from './domain/custom-claims';
export type { RateLimit } from './security/rate-limit';
export type {
  Store,
  UserRecord,
  ClientRecord,
  SessionRecord,
  SessionStatus,
  SigningKeyRecord,
  VerificationRecord,
} from './store/types';
export type { EmailMessage, EmailTransport } from './email/transport';
export { createSmtpTransport } from './email/smtp';
export { createMemoryStore } from './store/memory-store';
export { createPgliteStore } from './store/pglite';
export { createPostgresStore, type PostgresStoreOptions } from './store/postgres';
export { createSqlStore } from './store/sql-store';
export type { SharedState } from './store/shared-state';
export type { SqlClient, SqlExecutor } from './store/sql-client';
export { serverOptionsFromEnv } from './runtime/env';
export { createAppAuthRoute, type AppAuthRouteOptions } from './runtime/app-auth-route';
