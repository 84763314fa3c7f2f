import {
  ApiError,
  DEV_BROWSER_PARAM,
  clientCookie,
  clientUatCookie,
  expiredCookie,
  type CookieScope,
} from '@orbital/core';
import type { ServerContext } from '../context';
import { clientCookieMaxAge, clientUat, liveState, type ClientState } from '../domain/client-state';
import { hashClientToken, newClientToken, randomId } from '../security/tokens';
import { clientChanged } from '../store/types';
import type { Exchange } from './exchange';

// The client of a request: read from its client cookie (or, in development, a bound
// development-browser token), and written back to its cookies after a change.

/**
 * The client named by the request's client cookie, or null. Sessions past their inactivity timeout
 * or maximum lifetime are ended here, on read, so no expired session is ever served.
 *
 * In development a development-browser token in the URL stands in for the cookie, but only for
 * the origin it was created for: the request's `Origin` (API calls), or `boundTo` (a handshake
 * answered only to that origin). It is never adopted as this site's cookie, so a link carrying
 * someone else's token cannot make a browser sign in to their client.
 */
export async function loadClient(
  ctx: ServerContext,
  exchange: Exchange,
  boundTo?: string,
): Promise<ClientState | null> {
  const { names, mode } = ctx.options;
  const fromCookie = exchange.cookies[names.client];
  const fromUrl = !fromCookie && mode === 'development' ? exchange.url.searchParams.get(DEV_BROWSER_PARAM) : null;
  const token = fromCookie ?? fromUrl;
  if (!token) return null;
  const hash = hashClientToken(token);
  const graph = await ctx.store.loadClientGraph({ tokenHash: hash });
  if (!graph) return null;
  const origin = fromUrl ? (exchange.request.headers.get('origin') ?? boundTo) : null;
  // A cookie names only cookie tokens; a URL token only for the origin it is bound to.
  if (fromCookie ? graph.tokenOrigin !== null : graph.tokenOrigin === null || graph.tokenOrigin !== origin) return null;
  return { ...(await liveState(ctx, graph)), token: { hash, origin: graph.tokenOrigin } };
}

/**
 * The client a sign-in (or sign-up, or added account) lands on, with fresh credentials: a token
 * planted before sign-in — by a sibling subdomain, a shared computer or a crafted link — names
 * nothing afterwards. A client with live sessions (the user's own multi-session browser) keeps
 * them under a new token; any other gets a brand-new client.
 */
export async function signInClient(ctx: ServerContext, exchange: Exchange): Promise<ClientState> {
  const existing = await loadClient(ctx, exchange);
  const presented = exchange.cookies[ctx.options.names.client] ?? exchange.url.searchParams.get(DEV_BROWSER_PARAM);
  if (!existing && presented && (await ctx.store.findRetiredClientToken(hashClientToken(presented))))
    throw clientChanged();
  const fresh = newClientToken();
  const now = ctx.options.nowSeconds();
  const origin = existing?.token?.origin ?? null;
  let state: ClientState;
  if (existing?.token && existing.sessions.length) {
    await ctx.store.replaceClientToken({
      clientId: existing.client.id,
      oldHash: existing.token.hash,
      newHash: fresh.hash,
      origin,
      now,
    });
    state = existing;
  } else if (origin) {
    const client = await ctx.store.createClient({ id: randomId('client'), tokenHash: newClientToken().hash, now });
    await ctx.store.addClientToken(client.id, fresh.hash, now, origin);
    state = { client, sessions: [], active: null };
  } else {
    state = {
      client: await ctx.store.createClient({ id: randomId('client'), tokenHash: fresh.hash, now }),
      sessions: [],
      active: null,
    };
  }
  // A development browser learns its new token from the response; everyone else from the cookie.
  if (origin) exchange.devBrowser = fresh.token;
  else exchange.cookies[ctx.options.names.client] = fresh.token;
  return { ...state, token: { hash: fresh.hash, origin } };
}

export async function requireClient(ctx: ServerContext, exchange: Exchange): Promise<ClientState> {
  const state = await loadClient(ctx, exchange);
  if (!state) throw new ApiError(401, 'client_not_found', 'This browser has no Orbital client: sign in first.');
  return state;
}

/**
 * Writes the client cookie (HttpOnly) and `__client_uat` after a change the browser made: sign-in,
 * switch, sign-out. A client with no session left loses its cookie. The cookie lives until the
 * longest session's maximum lifetime (inactivity is the server's to enforce), so reads and tokens
 * never write it: a response that raced a sign-out cannot put it back.
 */
export function writeClientCookies(ctx: ServerContext, exchange: Exchange, state: ClientState): void {
  const { names, mode } = ctx.options;
  const scope: CookieScope = { mode, url: exchange.url };
  const token = exchange.cookies[names.client];
  if (token && state.sessions.length) {
    const maxAge = clientCookieMaxAge(ctx, state);
    exchange.setCookies.push(
      clientCookie(names, scope, token, maxAge),
      clientUatCookie(names, scope, clientUat(state), maxAge),
    );
  } else {
    exchange.setCookies.push(expiredCookie(names.client, scope, true), clientUatCookie(names, scope, 0));
  }
}
