// pnpm bench: Orbital's token verification and authenticateRequest beside @clerk/backend's, in one
// run, on the same machine, with networkless keys on both sides. Prints the ratios.
import { createPublicKey } from 'node:crypto';
import { createClerkClient, verifyToken } from '@clerk/backend';
import { Bench } from 'tinybench';
import {
  KeySet,
  authenticateRequest,
  createRevocationList,
  cookieNames,
  createPublishableKey,
  generateSigningKeyPair,
  importSigningKey,
  signJwt,
  verifySessionToken,
} from '@orbital/core/server';

const ORIGIN = 'https://app.example.com';
const ISSUER = 'https://clerk.example.com';
const now = Math.floor(Date.now() / 1000);

const { privateJwk, publicJwk } = await generateSigningKeyPair('RS256');
const signer = await importSigningKey(privateJwk);
const pem = createPublicKey({ key: publicJwk as never, format: 'jwk' })
  .export({ type: 'spki', format: 'pem' })
  .toString();
// One token both libraries accept: Clerk-shaped claims, our issuer check pointed at the same URL.
const claims = {
  sub: 'user_2abc',
  sid: 'sess_2abc',
  iss: ISSUER,
  azp: ORIGIN,
  iat: now,
  nbf: now,
  exp: now + 3600,
  v: 2,
};
const token = await signJwt(claims, signer);

/** The cold path: every verification checks the signature, as for a token never seen before. */
class ColdKeySet extends KeySet {
  override cached() {
    return undefined;
  }
  override remember() {}
}
const cold = new ColdKeySet({ jwtKey: pem });
const warm = new KeySet({ jwtKey: pem });
const verifyOptions = { issuer: ISSUER, authorizedParties: [ORIGIN] };

// authenticateRequest on both sides: a document request with a valid session cookie.
const publishableKey = createPublishableKey(ISSUER, 'production');
const names = cookieNames(publishableKey);
const orbitalOptions = { publishableKey, jwtKey: pem, authorizedParties: [ORIGIN] };
// Instant revocation's cost: the same check with a deny list holding 10,000 ended sessions.
const revokedSessions = createRevocationList();
for (let i = 0; i < 10_000; i++) revokedSessions.add(`sess_ended_${i}`);
const revocationOptions = { ...orbitalOptions, revokedSessions };
const coldOptions = { ...orbitalOptions, keySet: cold };
const clerkPublishableKey = `pk_live_${Buffer.from('clerk.example.com$').toString('base64')}`;
const clerk = createClerkClient({ publishableKey: clerkPublishableKey, secretKey: 'sk_live_benchmark', jwtKey: pem });
const headers = { 'sec-fetch-dest': 'document', accept: 'text/html', host: 'app.example.com' };
// Built once: constructing a Request costs more than Orbital's whole check and would hide it.
const orbitalReq = new Request(`${ORIGIN}/dashboard`, {
  headers: { ...headers, cookie: `${names.session}=${token}; ${names.clientUat}=${now - 10}` },
});
const clerkReq = new Request(`${ORIGIN}/dashboard`, {
  headers: { ...headers, cookie: `__session=${token}; __client_uat=${now - 10}` },
});
const orbitalRequest = () => orbitalReq;
const clerkRequest = () => clerkReq;

// Both must succeed, or the comparison means nothing.
await verifySessionToken(token, { keys: cold, ...verifyOptions });
const clerkVerified = await verifyToken(token, { jwtKey: pem, authorizedParties: [ORIGIN] });
if (clerkVerified.sub !== claims.sub) throw new Error('@clerk/backend did not verify the benchmark token');
const orbitalState = await authenticateRequest(orbitalRequest(), orbitalOptions);
const clerkState = await clerk.authenticateRequest(clerkRequest(), { jwtKey: pem, authorizedParties: [ORIGIN] });
if (orbitalState.status !== 'signed-in' || clerkState.status !== 'signed-in') {
  throw new Error(
    `authenticateRequest must be signed in on both sides (orbital: ${orbitalState.status}, clerk: ${clerkState.status} ${clerkState.reason ?? ''})`,
  );
}

const bench = new Bench({ time: 1500, warmup: true });
bench
  .add('orbital verifySessionToken (fresh token)', () => verifySessionToken(token, { keys: cold, ...verifyOptions }))
  .add('clerk verifyToken (networkless jwtKey)', () => verifyToken(token, { jwtKey: pem, authorizedParties: [ORIGIN] }))
  .add('orbital verifySessionToken (repeated token)', () => verifySessionToken(token, { keys: warm, ...verifyOptions }))
  .add('orbital authenticateRequest (fresh token)', () => authenticateRequest(orbitalRequest(), coldOptions))
  .add('orbital authenticateRequest (repeated token)', () => authenticateRequest(orbitalRequest(), orbitalOptions))
  .add('orbital authenticateRequest (repeated token, 10k revoked sessions)', () =>
    authenticateRequest(orbitalRequest(), revocationOptions),
  )
  .add('clerk authenticateRequest (networkless jwtKey)', () =>
    clerk.authenticateRequest(clerkRequest(), { jwtKey: pem, authorizedParties: [ORIGIN] }),
  );

await bench.run();
console.table(bench.table());

const mean = (name: string) => {
  const task = bench.getTask(name)!;
  const result = task.result as { latency?: { mean: number }; mean?: number };
  return (result.latency?.mean ?? result.mean)! * 1000; // µs
};
const rows = [
  ['fresh token', mean('clerk verifyToken (networkless jwtKey)'), mean('orbital verifySessionToken (fresh token)'), 7],
  [
    'repeated token',
    mean('clerk verifyToken (networkless jwtKey)'),
    mean('orbital verifySessionToken (repeated token)'),
    100,
  ],
  [
    'authenticateRequest, fresh token',
    mean('clerk authenticateRequest (networkless jwtKey)'),
    mean('orbital authenticateRequest (fresh token)'),
    7,
  ],
  [
    'authenticateRequest, repeated token',
    mean('clerk authenticateRequest (networkless jwtKey)'),
    mean('orbital authenticateRequest (repeated token)'),
    100,
  ],
] as const;
console.log('\nOrbital vs @clerk/backend (mean latency, µs; ratio = clerk / orbital)');
for (const [label, theirs, ours, target] of rows) {
  const ratio = theirs / ours;
  console.log(
    `  ${label.padEnd(38)} clerk ${theirs.toFixed(2).padStart(8)}  orbital ${ours.toFixed(2).padStart(8)}  ${ratio.toFixed(1).padStart(6)}x  (target ${target}x: ${ratio >= target ? 'met' : 'MISSED'})`,
  );
}
const withList = mean('orbital authenticateRequest (repeated token, 10k revoked sessions)');
const without = mean('orbital authenticateRequest (repeated token)');
console.log(
  `\nInstant revocation (deny list of 10,000 ended sessions): ${withList.toFixed(2)} µs vs ${without.toFixed(2)} µs without, +${(withList - without).toFixed(2)} µs per request`,
);
