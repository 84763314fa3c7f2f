import { ApiError } from '@orbital/core';
import { bindOperations } from './operations';
import type { SqlClient } from './sql-client';
import * as clients from './sql/clients';
import * as invitations from './sql/invitations';
import * as organizations from './sql/organizations';
import * as lifecycle from './sql/lifecycle';
import * as sessions from './sql/sessions';
import * as signingKeys from './sql/signing-keys';
import * as users from './sql/users';
import * as verifications from './sql/verifications';
import { storeUnavailable, type Store } from './types';

/** The SQL store: the same statements on embedded PGlite and on PostgreSQL, one module per table group. */
export function createSqlStore(db: SqlClient): Store {
  const store: Store = {
    ...bindOperations(db, lifecycle),
    ...bindOperations(db, users),
    ...bindOperations(db, clients),
    ...bindOperations(db, sessions),
    ...bindOperations(db, organizations),
    ...bindOperations(db, invitations),
    ...bindOperations(db, signingKeys),
    ...bindOperations(db, verifications),
  };
  return withUnavailableErrors(store);
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A database that went away becomes a 503 `store_unavailable` with a retry hint, never a crash. */
function withUnavailableErrors(store: Store): Store {
  const wrapped = {} as Store;
  for (const [name, method] of Object.entries(store) as [keyof Store, (...args: unknown[]) => Promise<unknown>][]) {
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        const code = (error as { code?: string }).code;
        const message = String((error as Error).message ?? '');
        if ((code && UNAVAILABLE.has(code)) || /connection|terminat|closed|timeout/i.test(message)) {
          throw storeUnavailable(error);
        }
        throw error;
      }
    };
  }
  return wrapped;
}
