import { instanceSuffix } from '../cookies';
import type { ClientResource } from './resources';

/** The other tabs of this browser on the same instance: what one learns, all learn. */
export interface TabChannel {
  post(client: ClientResource | null): void;
  close(): void;
}

/** Opens the channel, or returns undefined where the browser has none. */
export function openTabChannel(
  publishableKey: string,
  onClient: (client: ClientResource | null) => void,
): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`orbital-${instanceSuffix(publishableKey)}`);
  channel.addEventListener('message', (event: MessageEvent<{ client: ClientResource | null }>) =>
    onClient(event.data.client),
  );
  return { post: (client) => channel.postMessage({ client }), close: () => channel.close() };
}
