// Serves the production build: static assets from dist/client, everything else through Start's fetch handler.
import { serve } from 'srvx';
import { staticMiddleware } from 'srvx/static';
import app from './dist/server/server.js';

// Like Vite in development: .env fills in what the environment does not set.
try {
  process.loadEnvFile(new URL('./.env', import.meta.url));
} catch {
  // no .env: configuration comes from the environment alone
}

const server = serve({
  port: Number(process.env.PORT ?? 3002),
  hostname: process.env.HOST ?? '127.0.0.1',
  middleware: [staticMiddleware({ dir: new URL('./dist/client', import.meta.url).pathname })],
  fetch: (request) => app.fetch(request),
  silent: true,
});
await server.ready();
console.log(`Ready on ${server.url}`);
