/** Request headers through which the middleware hands its verdict to `auth()`. Clients cannot set them: the middleware strips any that arrive. */
export const AUTH_HEADERS = {
  status: 'x-orbital-auth-status',
  token: 'x-orbital-auth-token',
  reason: 'x-orbital-auth-reason',
  url: 'x-orbital-auth-url',
} as const;
