import { createRouteHandlers } from '@orbital/nextjs/server';
import { authRoute } from '../../../../lib/auth-server';

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = createRouteHandlers(authRoute);
