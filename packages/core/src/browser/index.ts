/** @orbital/core/browser — the browser client. No server code, no Node built-ins. */
export { COOKIES_BLOCKED_FORM_MESSAGE, Orbital, type OrbitalLoadOptions, type SignUpResult } from './orbital';
export type { VerificationResource, VerificationPurpose } from '../resources';
export { TRANSIENT_URL_PARAMS } from '../transient-params';
export type {
  OrbitalState,
  ClientResource,
  SessionResource,
  UserResource,
  EnvironmentResource,
  OrganizationResource,
  MembershipResource,
  InvitationResource,
} from './resources';
export type { SignUpFields } from './auth-api';
export * from './selectors';
export { ApiError, OrbitalError, isOrbitalError, type OrbitalErrorCode } from '../errors';
export { chooseUrl, withRedirectUrl } from '../account-urls';
export type { OrbitalOptions } from '../options';
export {
  authSnapshot,
  hasRole,
  initialAuthState,
  type AuthSnapshot,
  type InitialAuthState,
  type ServerDiagnostic,
} from './auth-state';
