/** @orbital/react — Orbital for React: provider, hooks, control and prebuilt components. */
export { OrbitalProvider, type OrbitalProviderProps } from './OrbitalProvider';
export type { InitialAuthState } from './context';
export { useOrbital } from './useOrbital';
export { useAuth, type UseAuthReturn } from './useAuth';
export { useUser, type UseUserReturn } from './useUser';
export { useSession } from './useSession';
export { useSessionList } from './useSessionList';
export { useSignIn } from './useSignIn';
export { useSignUp } from './useSignUp';
export {
  SignedIn,
  SignedOut,
  Protect,
  RedirectToSignIn,
  RedirectToSignUp,
  RedirectToUserProfile,
  MultisessionAppSupport,
} from './control';
export { SignInButton, SignUpButton } from './buttons';
export {
  useOrganization,
  useOrganizationList,
  OrganizationSwitcher,
  RedirectToCreateOrganization,
  RedirectToOrganizationProfile,
} from './organizations';
export { SignIn } from './ui/SignIn';
export { SignUp } from './ui/SignUp';
export { UserButton } from './ui/UserButton';
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
} from '@orbital/core/browser';
