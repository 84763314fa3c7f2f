import { beforeAll, describe, expect, it } from 'vitest';
import { base64UrlEncode } from './base64url';
import { KeySet } from './verification-keys';
import { signJwt } from './session-token';
import { importVerificationKey } from './signature';
import { AUTH_URL, APP_ORIGIN, clock, sessionToken, testKeys } from './test-support';
import { verifySessionToken } from './verify-token';

type Keys = Awaited<ReturnType<typeof testKeys>>;

describe.each(['RS256', 'ES256'] as const)('session token verification (%s)', (alg) => {
  let keys: Keys;
  let other: Keys;
  const time = clock();
  const verify = (token: string, extra: Partial<Parameters<typeof verifySessionToken>[1]> = {}) =>
    verifySessionToken(token, {
      keys: keys.keySet(),
      issuer: AUTH_URL,
      authorizedParties: [APP_ORIGIN],
      now: time.now,
      ...extra,
    });

  beforeAll(async () => {
    keys = await testKeys(alg);
    other = await testKeys(alg);
  });

  it('accepts a fresh token and returns its claims', async () => {
    const claims = await verify(await sessionToken(keys.signer, time.seconds(), { custom: { role: 'admin' } }));
    expect(claims).toMatchObject({
      sub: 'user_1',
      sid: 'sess_1',
      iss: AUTH_URL,
      azp: APP_ORIGIN,
      role: 'admin',
      exp: time.seconds() + 60,
    });
  });

  it('refuses a tampered payload', async () => {
    const [h, , s] = (await sessionToken(keys.signer, time.seconds())).split('.');
    const forged = base64UrlEncode(
      JSON.stringify({
        sub: 'user_admin',
        sid: 'sess_1',
        iss: AUTH_URL,
        iat: time.seconds(),
        nbf: time.seconds(),
        exp: time.seconds() + 60,
      }),
    );
    await expect(verify(`${h}.${forged}.${s}`)).rejects.toMatchObject({ code: 'token_signature_invalid' });
  });

  it('refuses a tampered signature', async () => {
    const token = await sessionToken(keys.signer, time.seconds());
    const flipped = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(verify(flipped)).rejects.toMatchObject({ code: 'token_signature_invalid' });
  });

  it('refuses a token signed by another instance with the same kid', async () => {
    const forged = await signJwt(
      { sub: 'u', sid: 's', iss: AUTH_URL, iat: time.seconds(), nbf: time.seconds(), exp: time.seconds() + 60 },
      { ...other.signer, kid: keys.signer.kid },
    );
    await expect(verify(forged)).rejects.toMatchObject({ code: 'token_signature_invalid' });
  });

  it('refuses a token whose kid it does not know', async () => {
    await expect(verify(await sessionToken(other.signer, time.seconds()))).rejects.toMatchObject({
      code: 'token_kid_unknown',
    });
  });

  it('refuses alg "none" and algorithms off the allow-list', async () => {
    const payload = base64UrlEncode(
      JSON.stringify({ sub: 'u', sid: 's', iss: AUTH_URL, iat: time.seconds(), exp: time.seconds() + 60 }),
    );
    for (const badAlg of ['none', 'HS256', 'RS512', 'PS256']) {
      const header = base64UrlEncode(JSON.stringify({ alg: badAlg, kid: keys.signer.kid }));
      await expect(verify(`${header}.${payload}.c2ln`)).rejects.toMatchObject({ code: 'token_alg_not_allowed' });
    }
    await expect(verify(`${base64UrlEncode(JSON.stringify({ alg: 'none' }))}.${payload}.`)).rejects.toMatchObject({
      code: 'token_malformed',
    });
  });

  it('refuses an alg that does not match the key', async () => {
    const [, p, s] = (await sessionToken(keys.signer, time.seconds())).split('.');
    const header = base64UrlEncode(JSON.stringify({ alg: alg === 'RS256' ? 'ES256' : 'RS256', kid: keys.signer.kid }));
    await expect(verify(`${header}.${p}.${s}`)).rejects.toMatchObject({ code: 'token_signature_invalid' });
  });

  it('refuses an expired token, allowing the clock skew', async () => {
    const token = await sessionToken(keys.signer, time.seconds() - 64);
    await expect(verify(token)).resolves.toMatchObject({ sub: 'user_1' }); // expired 4 s ago, within 5 s
    await expect(verify(token, { clockSkew: 0 })).rejects.toMatchObject({ code: 'token_expired' });
    await expect(verify(await sessionToken(keys.signer, time.seconds() - 70))).rejects.toMatchObject({
      code: 'token_expired',
    });
  });

  it('refuses a token that is not valid yet, and says it is clock skew', async () => {
    await expect(verify(await sessionToken(keys.signer, time.seconds() + 4))).resolves.toBeTruthy();
    await expect(verify(await sessionToken(keys.signer, time.seconds() + 30))).rejects.toMatchObject({
      code: 'token_not_active_yet',
      message: expect.stringContaining('clock'),
    });
  });

  it('refuses a token from another issuer', async () => {
    await expect(
      verify(await sessionToken(keys.signer, time.seconds(), { issuer: 'https://evil.example.com' })),
    ).rejects.toMatchObject({ code: 'token_issuer_invalid' });
  });

  it('refuses a token minted for another origin (azp)', async () => {
    await expect(
      verify(await sessionToken(keys.signer, time.seconds(), { azp: 'https://evil.example.com' })),
    ).rejects.toMatchObject({ code: 'token_azp_invalid' });
  });

  it('refuses tokens that are not session tokens', async () => {
    const handshake = await signJwt(
      { typ: 'handshake', sub: 'u', sid: 's', iss: AUTH_URL, iat: time.seconds(), exp: time.seconds() + 60 },
      keys.signer,
    );
    await expect(verify(handshake)).rejects.toMatchObject({ code: 'token_type_invalid' });
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', '!!!.???.***', `${base64UrlEncode('[1]')}.${base64UrlEncode('{}')}.c2ln`])(
    'refuses malformed input %j',
    async (input) => {
      await expect(verify(input)).rejects.toMatchObject({ code: 'token_malformed' });
    },
  );

  it('verifies a repeated token from its cache, still checking expiry', async () => {
    const keySet = keys.keySet();
    const token = await sessionToken(keys.signer, time.seconds());
    await verifySessionToken(token, { keys: keySet, issuer: AUTH_URL, now: time.now });
    expect(keySet.cached(token)).toBeTruthy();
    await expect(
      verifySessionToken(token, { keys: keySet, issuer: AUTH_URL, now: () => time.now() + 120_000 }),
    ).rejects.toMatchObject({ code: 'token_expired' });
    await expect(
      verifySessionToken(token, { keys: keySet, issuer: 'https://other', now: time.now }),
    ).rejects.toMatchObject({ code: 'token_issuer_invalid' });
  });

  it('verifies the same way with Web Crypto (edge and browser runtimes)', async () => {
    const web = await importVerificationKey(keys.pair.publicJwk, 'web');
    const token = await sessionToken(keys.signer, time.seconds());
    const [h, p, s] = token.split('.');
    const data = new TextEncoder().encode(`${h}.${p}`);
    const signature = Uint8Array.from(atob(s!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    expect(await web.verify(data, signature)).toBe(true);
    signature[0]! ^= 1;
    expect(await web.verify(data, signature)).toBe(false);
  });

  it('accepts a PEM public key (ORBITAL_JWT_KEY) with no network', async () => {
    const { createPublicKey } = await import('node:crypto');
    const pem = createPublicKey({ key: keys.pair.publicJwk as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    }) as string;
    const keySet = new KeySet({ jwtKey: pem });
    await expect(
      verifySessionToken(await sessionToken(keys.signer, time.seconds()), {
        keys: keySet,
        issuer: AUTH_URL,
        now: time.now,
      }),
    ).resolves.toMatchObject({ sub: 'user_1' });
  });
});

describe('key sets', () => {
  it('refuse to exist without a key source', () => {
    expect(() => new KeySet({})).toThrowError(expect.objectContaining({ code: 'configuration_invalid' }));
  });

  it('pick up a rotated key from a dynamic source', async () => {
    const first = await testKeys();
    const second = await testKeys();
    let current = { keys: [first.pair.publicJwk] };
    let wall = 0;
    const keySet = new KeySet({ jwks: async () => current }, () => wall);
    const time = clock(Math.floor(Date.now() / 1000));
    await verifySessionToken(await sessionToken(first.signer, time.seconds()), { keys: keySet, issuer: AUTH_URL });
    current = { keys: [first.pair.publicJwk, second.pair.publicJwk] };
    // a new kid within 5 s of the last load is refused without asking the source again
    await expect(
      verifySessionToken(await sessionToken(second.signer, time.seconds()), { keys: keySet, issuer: AUTH_URL }),
    ).rejects.toMatchObject({ code: 'token_kid_unknown' });
    wall += 5_001;
    await expect(
      verifySessionToken(await sessionToken(second.signer, time.seconds()), { keys: keySet, issuer: AUTH_URL }),
    ).resolves.toMatchObject({ sub: 'user_1' });
  });

  it('report an unreachable JWKS URL with a clear error', async () => {
    const keySet = new KeySet({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json' });
    await expect(keySet.get('kid')).rejects.toMatchObject({
      code: 'jwks_unavailable',
      message: expect.stringContaining('ORBITAL_JWT_KEY'),
    });
  });

  it('report a malformed jwtKey', async () => {
    await expect(new KeySet({ jwtKey: 'not a key' }).get('kid')).rejects.toMatchObject({
      code: 'configuration_invalid',
    });
  });
});
