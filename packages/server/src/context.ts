import type { Keyring } from './keyring';
import type { ResolvedOptions } from './options';
import type { RateLimiter } from './rate-limit';
import type { SharedState } from './shared-state';
import type { Store } from './store/types';

/** What every route needs: the resolved options and the server's collaborators. */
export interface ServerContext {
  options: ResolvedOptions;
  store: Store;
  keyring: Keyring;
  limiter: RateLimiter;
  shared: SharedState;
}
