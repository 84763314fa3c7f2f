import type { OrbitalOptions } from '@orbital/core';
import { createLazyRequestPipeline, createRequestPipeline, type RequestPipeline } from '@orbital/core/server';
import { nextOptions } from './options';

// Shared through the process, not the module: Next bundles proxy.ts and the app separately, and
// auth() must check tokens with the options the middleware was given.
const SHARED = Symbol.for('orbital.nextjs.pipeline');
const shared = globalThis as { [SHARED]?: RequestPipeline };

/**
 * Core's request pipeline for a middleware: configured on its first request (env vars are read
 * then, not at build), and the one `auth()` checks tokens with.
 */
export function middlewarePipeline(overrides: Partial<OrbitalOptions>): RequestPipeline {
  return (shared[SHARED] = createLazyRequestPipeline(() => nextOptions(overrides)));
}

/** The pipeline of this process's middleware, or one from env vars alone. */
export function currentPipeline(): RequestPipeline {
  return (shared[SHARED] ??= createRequestPipeline(nextOptions()));
}
