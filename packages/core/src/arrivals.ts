import { clientCookie, clientUatCookie, expiredCookie, sessionCookie } from './cookies';
import { isOrbitalError } from './errors';
import { verifyHandshakePayload } from './handshake';
import { parseGuard, type Incoming } from './incoming';
import { COOKIES_BLOCKED_MESSAGE, describeHandshakeFailure } from './request-state';
import { redeemSyncCode } from './satellite-sync';
import { HANDSHAKE_PARAM, SYNC_NONCE_PARAM, SYNC_PARAM } from './transient-params';
import { signedIn, signedOut, type Verdict } from './verdict';

/**
 * A satellite page arriving from the primary's sync endpoint: redeem the code server to server
 * and write the satellite's own first-party cookies. A code that fails (a reload, an old link,
 * another origin's code) changes nothing: the cookies decide, with no redirect.
 */
export async function applySync(incoming: Incoming): Promise<Verdict> {
  const { url, options, ctx, scope, cookies } = incoming;
  const code = url.searchParams.get(SYNC_PARAM) ?? '';
  const echoed = url.searchParams.get(SYNC_NONCE_PARAM);
  const headers = new Headers();
  let failure: string;
  // The app's own configuration (its secret key), which no new sync code can fix.
  let refused = false;
  // An automatic sync echoes the nonce this app set in its guard cookie before it left.
  if (echoed !== null && cookies[ctx.names.handshakeCount] === undefined)
    return signedOut('cookies_blocked', headers, COOKIES_BLOCKED_MESSAGE);
  if (echoed !== null && parseGuard(cookies[ctx.names.handshakeCount]).nonce !== echoed) {
    failure = 'This sync code was not requested by this browser (a link from elsewhere): it was not redeemed.';
  } else if (!options.secretKey) {
    refused = true;
    failure = 'This app received a sync code but has no secret key to redeem it: set ORBITAL_SECRET_KEY.';
  } else {
    try {
      const result = await redeemSyncCode({
        code,
        origin: url.origin,
        authServerUrl: ctx.internalUrl,
        secretKey: options.secretKey,
      });
      headers.append('set-cookie', clientCookie(ctx.names, scope, result.clientToken, result.clientMaxAge));
      return await applyClientState(incoming, result, headers);
    } catch (error) {
      if (!isOrbitalError(error)) throw error;
      refused = error.code === 'unauthorized';
      failure = refused
        ? 'The auth server refused this app’s secret key, so the sync code it sent could not be redeemed and the user stays signed out here: set ORBITAL_SECRET_KEY to the secret key of the primary’s Orbital instance (`npx orbital-server env` in the primary’s folder prints it).'
        : `Satellite sync failed (${error.code}): ${error.message}`;
    }
  }
  const state = await incoming.cookiesDecide();
  return state.status === 'signed-in'
    ? state
    : signedOut(refused ? 'sync_refused' : 'sync_failed', state.headers, failure);
}

/** Writes what the auth server said about the client (from a handshake or a sync) into this app's cookies. */
async function applyClientState(
  { ctx, scope, verify }: Incoming,
  state: { sessionToken: string | null; clientUat: number },
  headers: Headers,
): Promise<Verdict> {
  headers.append('set-cookie', clientUatCookie(ctx.names, scope, state.clientUat));
  if (!state.sessionToken) {
    headers.append('set-cookie', expiredCookie(ctx.names.session, scope));
    return signedOut('signed_out', headers, null);
  }
  const claims = await verify(state.sessionToken);
  headers.append('set-cookie', sessionCookie(ctx.names, scope, state.sessionToken));
  return signedIn(claims, state.sessionToken, headers);
}

/**
 * The way back from the auth server: verify the payload and write it into first-party cookies.
 * Returns null when the payload is stale (an old URL, a reload) so the cookies decide instead.
 */
export async function applyHandshake(incoming: Incoming, headers: Headers): Promise<Verdict | null> {
  const { url, options, ctx, cookies } = incoming;
  const payload = url.searchParams.get(HANDSHAKE_PARAM) ?? '';
  try {
    const state = await verifyHandshakePayload(payload, {
      keys: ctx.keys,
      issuer: ctx.issuer,
      origin: url.origin,
      nonce: parseGuard(cookies[ctx.names.handshakeCount]).nonce,
      replayGuard: ctx.replayGuard,
      clockSkew: options.clockSkew,
      now: options.now,
    });
    return await applyClientState(incoming, state, headers);
  } catch (error) {
    const code = isOrbitalError(error) ? error.code : 'handshake_invalid';
    // A stale payload (a reload, an old link) says nothing about now: the cookies decide, and any
    // new handshake URL is built without it.
    if (code === 'handshake_replayed' || code === 'handshake_expired') return null;
    // The nonce cookie set before leaving did not come back at all: this site keeps no cookies.
    if (code === 'handshake_nonce_mismatch' && cookies[ctx.names.handshakeCount] === undefined)
      return signedOut('cookies_blocked', new Headers(), COOKIES_BLOCKED_MESSAGE);
    // A bad payload (tampered, or keys that do not match) changes nothing and redirects nowhere:
    // a crafted link cannot sign anyone out, and a misconfiguration cannot loop.
    const state = await incoming.cookiesDecide();
    return state.status === 'signed-in'
      ? state
      : signedOut(
          'handshake_failed',
          state.headers,
          `The handshake with the auth server failed (${code}). Likely cause: ${describeHandshakeFailure(code)}`,
        );
  }
}
