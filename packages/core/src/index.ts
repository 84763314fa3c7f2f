/**
 * @orbital/core — the protocol, shared by every Orbital package. Runtime-agnostic: no Node
 * built-ins here. Server-only pieces live in `@orbital/core/server`.
 */
export * from './errors';
export {
  createPublishableKey,
  createSecretKey,
  parsePublishableKey,
  parseSecretKey,
  type InstanceMode,
  type PublishableKey,
} from './api-keys';
export * from './lifetime';
export * from './cookies';
export * from './redirect-url';
export * from './account-urls';
export { readJwtPayload, type JwtPayload } from './jwt';
export { HANDSHAKE_PATH } from './handshake';
export { SYNC_CODE_TTL, SYNC_PATH, afterAuthUrl, buildSyncUrl, signInRedirectUrl } from './satellite-sync';
export * from './transient-params';
export * from './route-guard';
export type { SignedOutReason, HandshakeReason } from './request-state';
export * from './options';
export * as envReaders from './env-readers';
export type { EnvReader, EnvReaderTable } from './env-readers';
export * from './dev-browser';
export * from './development-instance';
export * from './revoked-sessions';
export type * from './resources';
