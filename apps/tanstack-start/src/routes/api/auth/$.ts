import { createFileRoute } from '@tanstack/react-router';
import { createAuthServerHandlers } from '@orbital/tanstack-react-start/server';
import { authRoute } from '../../../auth-server';

export const Route = createFileRoute('/api/auth/$')({
  server: { handlers: createAuthServerHandlers(authRoute) },
});
