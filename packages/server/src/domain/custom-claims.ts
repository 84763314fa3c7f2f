import { ConfigurationError, type JwtPayload } from '@orbital/core';
import { MAX_SESSION_TOKEN_LENGTH, assertCustomClaims } from '@orbital/core/server';
import type { SessionRecord, UserRecord } from '../store/types';

export interface ClaimsContext {
  user: UserRecord;
  session: SessionRecord;
}

/**
 * Custom session-token claims: a JSON template whose strings may reference the user
 * (`"{{user.email}}"`, `"{{user.publicMetadata.role}}"`), or a function of the user and session.
 */
export type CustomClaims = JwtPayload | ((context: ClaimsContext) => JwtPayload | Promise<JwtPayload>);

const WHOLE = /^\{\{\s*([\w.]+)\s*\}\}$/;
const PART = /\{\{\s*([\w.]+)\s*\}\}/g;
// The size a claim value may reasonably reach when checking a template at start-up.
const SAMPLE_VALUE = 'x'.repeat(64);
const BASE_TOKEN_LENGTH = 700; // header, reserved claims and a signature (RS256, the longer one), measured

/** Validates the configuration once, at start-up, and returns the per-token resolver. */
export function compileCustomClaims(
  config: CustomClaims | undefined,
): (context: ClaimsContext) => Promise<JwtPayload | undefined> {
  if (config === undefined) return async () => undefined;
  if (typeof config === 'function') {
    return async (context) => {
      const claims = await config(context);
      assertCustomClaims(claims);
      return claims;
    };
  }
  assertCustomClaims(config);
  const sample = JSON.stringify(render(config, () => SAMPLE_VALUE));
  const estimated = BASE_TOKEN_LENGTH + Math.ceil((sample.length * 4) / 3);
  if (estimated > MAX_SESSION_TOKEN_LENGTH) {
    throw new ConfigurationError(
      'claims_too_large',
      `The custom session claims template would make tokens of about ${estimated} characters, more than the ${MAX_SESSION_TOKEN_LENGTH} a cookie holds: remove claims or shorten them.`,
    );
  }
  return async ({ user, session }) =>
    render(config, (path) => lookup({ user: publicUser(user), session: { id: session.id } }, path)) as JwtPayload;
}

function render(value: unknown, resolve: (path: string) => unknown): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return resolve(whole[1]!) ?? null;
    return value.replace(PART, (_, path: string) => String(resolve(path) ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => render(item, resolve));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, resolve)]));
  return value;
}

function lookup(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}

function publicUser(user: UserRecord) {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}
