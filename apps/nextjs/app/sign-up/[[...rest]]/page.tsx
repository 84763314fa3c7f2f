import { SignUp } from '@orbital/nextjs';

export default function SignUpPage() {
  return <SignUp />;
}
