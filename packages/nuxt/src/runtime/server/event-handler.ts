import { appendResponseHeader, defineEventHandler, toWebRequest, type EventHandler, type H3Event } from 'h3';
import type { OrbitalOptions } from '@orbital/core';
import { cookieHeaderAfter, createLazyRequestPipeline, diagnosticOf, type RequestPipeline } from '@orbital/core/server';
import { setOrbitalContext } from './context';

/** What the handler needs from Nuxt, read on the first request (runtime config is known by then). */
export interface NuxtAuthConfig {
  /** Read on the first request: a configuration error becomes core's misconfiguration page. */
  options: () => OrbitalOptions;
  /** Nuxt's build-assets path (`/_nuxt/`): never authenticated. */
  assets: string;
}

/**
 * The Nitro middleware body: core's request pipeline translated to h3. Requests for the auth
 * server pass through, handshakes are answered with core's response, and everything else gets
 * its verdict on `event.context.auth`.
 */
export function createAuthEventHandler(configure: (event: H3Event) => NuxtAuthConfig): EventHandler {
  let resolved: { pipeline: RequestPipeline; assets: string } | undefined;
  return defineEventHandler(async (event) => {
    if (!resolved) {
      const { options, assets } = configure(event);
      resolved = { pipeline: createLazyRequestPipeline(options), assets };
    }
    const { pipeline, assets } = resolved;
    if (event.path.startsWith(assets)) return;
    const result = await pipeline.handle(toWebRequest(event));
    if (result.action === 'pass-through') return;
    if (result.action === 'respond') return result.response;
    const { state } = result;
    const setCookies = state.headers.getSetCookie();
    for (const cookie of setCookies) appendResponseHeader(event, 'set-cookie', cookie);
    // SSR's own requests (useFetch) forward this request's cookies: let them carry the ones just set.
    if (setCookies.length) event.node.req.headers.cookie = cookieHeaderAfter(event.node.req.headers.cookie, setCookies);
    setOrbitalContext(event, {
      auth: state.auth,
      url: state.url,
      options: pipeline.options,
      diagnostic: diagnosticOf(state),
    });
  });
}
