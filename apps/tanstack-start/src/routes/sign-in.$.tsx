import { createFileRoute } from '@tanstack/react-router';
import { SignIn } from '@orbital/tanstack-react-start';

export const Route = createFileRoute('/sign-in/$')({ component: SignIn });
