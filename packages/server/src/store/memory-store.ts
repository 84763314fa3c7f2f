import * as clients from './memory/clients';
import * as invitations from './memory/invitations';
import * as lifecycle from './memory/lifecycle';
import * as organizations from './memory/organizations';
import * as sessions from './memory/sessions';
import * as signingKeys from './memory/signing-keys';
import { createMemoryState } from './memory/state';
import * as users from './memory/users';
import * as verifications from './memory/verifications';
import { bindOperations } from './operations';
import type { Store } from './types';

/** A Store in process memory: for unit tests and throwaway demos. Everything is lost on exit. */
export function createMemoryStore(): Store {
  const db = createMemoryState();
  return {
    ...bindOperations(db, lifecycle),
    ...bindOperations(db, users),
    ...bindOperations(db, clients),
    ...bindOperations(db, sessions),
    ...bindOperations(db, organizations),
    ...bindOperations(db, invitations),
    ...bindOperations(db, signingKeys),
    ...bindOperations(db, verifications),
  };
}
