import type { ServerContext } from '../context';
import { json, type Exchange } from '../http/exchange';
import type { Route } from '../http/router';

const RETRY_AFTER = 5;
/** Milliseconds each dependency has to answer: a load balancer's check must not hang with it. */
const HEALTH_DEADLINE = 1_000;

/**
 * `GET /health` for load balancers and orchestrators: 200 when the store (and Redis, when
 * configured) answer, else 503 with a stable code and `Retry-After`. Says nothing else about them.
 */
export async function getHealth(ctx: ServerContext, exchange: Exchange): Promise<Response> {
  const [store, shared] = await Promise.all([probe(() => ctx.store.ping()), probe(() => ctx.shared.ping())]);
  const body = {
    status: store === 'ok' && shared === 'ok' ? 'ok' : 'unavailable',
    store,
    sharedState: { kind: ctx.shared.kind, status: shared },
  };
  if (body.status === 'ok') return json(exchange, body);
  const code = store !== 'ok' ? 'store_unavailable' : 'shared_state_unavailable';
  const response = json(
    exchange,
    {
      ...body,
      error: {
        code,
        message: `Not ready: ${store !== 'ok' ? 'the database' : 'Redis'} does not answer. Retry in ${RETRY_AFTER} seconds.`,
      },
    },
    503,
  );
  response.headers.set('retry-after', String(RETRY_AFTER));
  return response;
}

async function probe(ping: () => Promise<void>): Promise<'ok' | 'unavailable'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'unavailable'>(
    (resolve) => (timer = setTimeout(() => resolve('unavailable'), HEALTH_DEADLINE)),
  );
  const answer = ping().then(
    () => 'ok' as const,
    () => 'unavailable' as const,
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: Route[] = [['GET', '/health', getHealth]];
