import { createFileRoute } from '@tanstack/react-router';
import { SignUp } from '@orbital/tanstack-react-start';

export const Route = createFileRoute('/sign-up/$')({ component: SignUp });
