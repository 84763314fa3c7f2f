import { createStart } from '@tanstack/react-start';
import { orbitalMiddleware } from '@orbital/tanstack-react-start/server';

export const startInstance = createStart(() => ({
  requestMiddleware: [orbitalMiddleware()],
}));
