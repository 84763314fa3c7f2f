import { createRouteMatcher, orbitalMiddleware } from '@orbital/nextjs/server';

const isProtected = createRouteMatcher(['/dashboard(.*)', '/api/me']);

export default orbitalMiddleware(async (auth, request) => {
  if (isProtected(request)) auth.protect();
});

export const config = {
  // Everything but static files and the auth server itself.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth).*)'],
};
