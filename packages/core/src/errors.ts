/**
 * Every error Orbital throws or returns carries a stable `code`: search for it in the docs, match on
 * it in code. Adapters and the auth server reuse these classes and never invent their own.
 */
export type OrbitalErrorCode =
  // configuration
  | 'publishable_key_missing'
  | 'publishable_key_invalid'
  | 'secret_key_missing'
  | 'secret_key_invalid'
  | 'key_mode_mismatch'
  | 'lifetime_invalid'
  | 'claims_invalid'
  | 'claims_too_large'
  | 'configuration_invalid'
  // redirect targets
  | 'redirect_url_invalid'
  | 'redirect_origin_not_allowed'
  // tokens
  | 'token_malformed'
  | 'token_alg_not_allowed'
  | 'token_kid_unknown'
  | 'token_signature_invalid'
  | 'token_expired'
  | 'token_not_active_yet'
  | 'token_issued_in_future'
  | 'token_issuer_invalid'
  | 'token_azp_invalid'
  | 'token_type_invalid'
  | 'session_revoked'
  | 'jwks_unavailable'
  // handshake
  | 'handshake_invalid'
  | 'handshake_expired'
  | 'handshake_replayed'
  | 'handshake_origin_mismatch'
  | 'handshake_nonce_mismatch'
  | 'handshake_loop'
  | 'sync_code_invalid'
  | 'sync_code_expired'
  | 'sync_code_origin_mismatch'
  | 'sync_failed'
  | 'dev_browser_refused'
  | 'organization_invalid'
  | 'organization_slug_taken'
  | 'organization_not_found'
  | 'forbidden'
  | 'last_admin'
  // auth server API
  | 'request_invalid'
  | 'request_too_large'
  | 'origin_not_allowed'
  | 'not_found'
  | 'identifier_taken'
  | 'identifier_invalid'
  | 'identifier_not_found'
  | 'password_weak'
  | 'password_incorrect'
  | 'credentials_invalid'
  | 'rate_limited'
  | 'client_not_found'
  | 'client_changed'
  | 'session_not_found'
  | 'session_ended'
  | 'session_exists'
  // email verification and recovery
  | 'email_unavailable'
  | 'verification_not_found'
  | 'verification_code_invalid'
  | 'verification_expired'
  | 'verification_used'
  | 'verification_attempts_exceeded'
  | 'unauthorized'
  | 'store_unavailable'
  | 'shared_state_unavailable'
  | 'network_error'
  | 'cookies_blocked'
  | 'auth_server_unreachable'
  | 'middleware_missing'
  | 'internal_error';

export class OrbitalError extends Error {
  override name = 'OrbitalError';
  readonly code: OrbitalErrorCode;

  constructor(code: OrbitalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  toJSON(): { code: OrbitalErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Invalid options or keys: thrown at start-up, before any request is served. */
export class ConfigurationError extends OrbitalError {
  override name = 'ConfigurationError';
}

/** A redirect target that is malformed or points somewhere not allowed. */
export class RedirectUrlError extends OrbitalError {
  override name = 'RedirectUrlError';
}

/** A session token (or handshake payload) that must not be trusted. */
export class TokenVerificationError extends OrbitalError {
  override name = 'TokenVerificationError';
}

/** The handshake between an app server and the auth server could not complete. */
export class HandshakeError extends OrbitalError {
  override name = 'HandshakeError';
}

/** An auth-server API error, with the HTTP status it is served with. */
export class ApiError extends OrbitalError {
  override name = 'ApiError';
  readonly status: number;
  readonly retryAfter: number | undefined;
  /** For a wrong verification code: how many more tries this code allows. */
  readonly attemptsLeft: number | undefined;

  constructor(
    status: number,
    code: OrbitalErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfter?: number; attemptsLeft?: number },
  ) {
    super(code, message, options);
    this.status = status;
    this.retryAfter = options?.retryAfter;
    this.attemptsLeft = options?.attemptsLeft;
  }
}

export function isOrbitalError(value: unknown): value is OrbitalError {
  return value instanceof OrbitalError;
}
