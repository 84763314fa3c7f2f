import { appendResponseHeader, defineEventHandler, getRequestURL, sendRedirect, toWebRequest, type H3Event } from 'h3';
import { authenticateRequest, cookieHeaderAfter, isAuthServerRequest, toAuthenticateOptions, withPublicUrl, type AuthenticateRequestOptions, type RequestState } from '@orbital/core/server';
import type { OrbitalOptions } from '@orbital/core';
// @ts-expect-error Nitro's virtual module, present where this runs
import { useRuntimeConfig } from '#imports';
import { orbitalOptions } from '../options';
import { setOrbitalContext } from './context';

let resolved: { options: OrbitalOptions; authenticate: AuthenticateRequestOptions; assets: string } | undefined;

function resolve(event: H3Event) {
  if (!resolved) {
    const config = useRuntimeConfig(event);
    const options = orbitalOptions(config.public.orbital, config.orbital);
    resolved = { options, authenticate: toAuthenticateOptions(options), assets: config.app.buildAssetsDir ?? '/_nuxt/' };
  }
  return resolved;
}

/**
 * Authenticates every request with core's `authenticateRequest`, answers handshakes with their
 * redirect, and puts the verdict on `event.context.auth`. Requests for the auth server (its own
 * path, or a satellite's proxy) and for build assets pass through untouched.
 */
export default defineEventHandler(async (event) => {
  const { options, authenticate, assets } = resolve(event);
  const url = getRequestURL(event, { xForwardedHost: true, xForwardedProto: true });
  if (url.pathname.startsWith(assets) || isAuthServerRequest(url, options)) return;
  const state: RequestState = await authenticateRequest(withPublicUrl(toWebRequest(event)), authenticate);
  const setCookies = state.headers.getSetCookie();
  for (const cookie of setCookies) appendResponseHeader(event, 'set-cookie', cookie);
  if (state.status === 'handshake') return sendRedirect(event, state.redirectUrl, 307);
  // SSR's own requests (useFetch) forward this request's cookies: let them carry the ones just set.
  if (setCookies.length) event.node.req.headers.cookie = cookieHeaderAfter(event.node.req.headers.cookie, setCookies);
  if (state.message) console.warn(`[orbital] ${state.message}`);
  setOrbitalContext(event, { auth: state.auth, url: url.href, options });
});
