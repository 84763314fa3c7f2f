import { createFileRoute } from '@tanstack/react-router';
import { requireAuth } from '@orbital/tanstack-react-start/server';

export const Route = createFileRoute('/api/me')({
  server: {
    handlers: {
      GET: () => {
        const { userId, sessionId } = requireAuth();
        return Response.json({ userId, sessionId });
      },
    },
  },
});
