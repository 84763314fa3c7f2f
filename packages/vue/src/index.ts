/** @orbital/vue — Orbital for Vue: plugin, composables, control and prebuilt components. */
export { orbital, type OrbitalPluginOptions } from './plugin';
export {
  useOrbital,
  useAuth,
  useUser,
  useSession,
  useSessionList,
  useSignIn,
  useSignUp,
  useOrganization,
  useOrganizationList,
} from './composables';
export {
  SignedIn,
  SignedOut,
  Protect,
  RedirectToSignIn,
  RedirectToSignUp,
  RedirectToUserProfile,
  RedirectToCreateOrganization,
  RedirectToOrganizationProfile,
  MultisessionAppSupport,
  SignInButton,
  SignUpButton,
} from './control';
export { SignIn } from './ui/SignIn';
export { SignUp } from './ui/SignUp';
export { UserButton } from './ui/UserButton';
export { OrganizationSwitcher } from './ui/OrganizationSwitcher';
export { Orbital, OrbitalError, ApiError, isOrbitalError } from '@orbital/core/browser';
export type {
  OrbitalState,
  ClientResource,
  SessionResource,
  UserResource,
  OrbitalLoadOptions,
  OrbitalOptions,
  OrganizationResource,
  MembershipResource,
  InitialAuthState,
} from '@orbital/core/browser';
