import type { Keyring } from './security/signing-keys';
import type { ResolvedOptions } from './options';
import type { SharedState } from './store/shared-state';
import type { Store } from './store/types';

/** What every route needs: the resolved options and the server's collaborators. */
export interface ServerContext {
  options: ResolvedOptions;
  store: Store;
  keyring: Keyring;
  /** Rate limits and ended-session news: in-process, or shared by every instance. */
  shared: SharedState;
}
