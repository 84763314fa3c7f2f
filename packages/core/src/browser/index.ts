/** @orbital/core/browser — the browser client. No server code, no Node built-ins. */
export { Orbital, TRANSIENT_URL_PARAMS, type OrbitalLoadOptions } from './orbital';
export type { OrbitalState, ClientResource, SessionResource, UserResource, EnvironmentResource, OrganizationResource, MembershipResource } from './resources';
export type { SignUpFields } from './auth-api';
export { ApiError, OrbitalError, isOrbitalError, type OrbitalErrorCode } from '../errors';
export { chooseUrl, withRedirectUrl } from '../account-urls';
export type { OrbitalOptions } from '../options';
export { authSnapshot, hasRole, initialAuthState, type AuthSnapshot, type InitialAuthState } from './auth-state';
