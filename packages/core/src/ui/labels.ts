/** The prebuilt components' words, shared by the React and Vue components. */
export const labels = {
  signInTitle: 'Sign in',
  signInSubtitle: 'Welcome back. Sign in to continue.',
  signUpTitle: 'Create your account',
  signUpSubtitle: 'It takes a few seconds.',
  email: 'Email address',
  password: 'Password',
  firstName: 'First name',
  lastName: 'Last name',
  continue: 'Continue',
  createAccount: 'Create account',
  noAccount: 'No account?',
  signUpLink: 'Sign up',
  haveAccount: 'Have an account?',
  signInLink: 'Sign in',
  chooseTitle: 'Choose an account',
  addAccount: 'Add account',
  manageAccount: 'Manage account',
  signOut: 'Sign out',
  signOutAll: 'Sign out of all accounts',
  switchTo: 'Switch to',
  accountMenu: 'Account menu',
  working: 'Please wait…',
  personalAccount: 'Personal account',
  organizationMenu: 'Organizations',
  manageOrganization: 'Manage organization',
  createOrganization: 'Create organization',
  /** Before an organization's name, on a pending invitation: "Join Acme". */
  join: 'Join',
  checkEmailTitle: 'Check your email',
  /** Before the address a code went to: "We sent a six-digit code to ada@example.com". */
  codeSentTo: 'We sent a six-digit code to',
  verificationCode: 'Verification code',
  verifyEmail: 'Verify email',
  resendCode: 'Send a new code',
  codeResent: 'A new code is on its way.',
  forgotPassword: 'Forgot password?',
} as const;

export type Labels = typeof labels;

export function displayName(user: { firstName: string | null; lastName: string | null; email: string }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;
}

export function initials(user: { firstName: string | null; lastName: string | null; email: string }): string {
  return ((user.firstName?.[0] ?? '') + (user.lastName?.[0] ?? '') || user.email[0]!).toUpperCase();
}
