/**
 * @orbital/core/server — for app servers and the auth server: request authentication, token
 * signing and verification, the handshake. Uses node:crypto where present, Web Crypto elsewhere.
 */
export * from './index';
export * from './authenticate-request';
export * from './request-state';
export * from './handshake';
export * from './verification-keys';
export * from './session-token';
export * from './signature';
export * from './verify-token';
export { decodeJwt, encodeJwtSegments, type DecodedJwt, type JwtHeader } from './jwt';
export * from './satellite-sync';
export * from './auth-server-proxy';
export * from './public-url';
export * from './request-pipeline';
export * from './auth-server-route';
