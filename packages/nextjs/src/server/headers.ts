/**
 * Request headers through which the middleware hands its verdict to `auth()`. Clients cannot set
 * them on matched routes (the middleware replaces every one), and `auth()` verifies the token again.
 */
export const AUTH_HEADERS = {
  status: 'x-orbital-auth-status',
  token: 'x-orbital-auth-token',
  reason: 'x-orbital-auth-reason',
  url: 'x-orbital-auth-url',
  /** Why the request is signed out when that was a failure (URI-encoded JSON), for the browser in development. */
  diagnostic: 'x-orbital-auth-diagnostic',
  /** Where `protect()` sends this request (pages only); absent means 401. */
  signInUrl: 'x-orbital-auth-sign-in-url',
} as const;
