type FetchHandler = { handler: (request: Request) => Promise<Response> };

/**
 * Mounts the Orbital auth server in a Next.js app: export these from
 * `app/api/auth/[...orbital]/route.ts`. Accepts the server or a promise of it (created lazily, so
 * `next build` opens no database).
 *
 * @example export const { GET, POST, PATCH, DELETE, OPTIONS } = createRouteHandlers(getServer());
 */
export function createRouteHandlers(server: FetchHandler | Promise<FetchHandler> | (() => Promise<FetchHandler>)) {
  let instance: Promise<FetchHandler> | undefined;
  const handle = async (request: Request) => {
    instance ??= Promise.resolve(typeof server === 'function' ? server() : server);
    return (await instance).handler(request);
  };
  return { GET: handle, HEAD: handle, POST: handle, PATCH: handle, PUT: handle, DELETE: handle, OPTIONS: handle };
}
