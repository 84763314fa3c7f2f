import { SignIn } from '@orbital/nextjs';

export default function SignInPage() {
  return <SignIn />;
}
