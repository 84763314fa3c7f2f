import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  // node:crypto has Argon2 from Node 24.7; on Node 22 (which `engines` allows) scrypt stands in.
  const hasArgon2 = typeof (crypto as { argon2?: unknown }).argon2 === 'function';

  it(`uses ${hasArgon2 ? 'Argon2id' : 'scrypt (no Argon2 in this Node)'} at OWASP parameters with a random salt`, async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(
      hasArgon2
        ? /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[\w-]{22}\$[\w-]{43}$/
        : /^\$scrypt\$ln=17,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/,
    );
    expect(a).not.toBe(b);
  });

  it('verifies the right password and nothing else', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('verifies scrypt hashes too (from runtimes without Argon2)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const hash = `$scrypt$ln=14,r=8,p=1$${salt.toString('base64url')}$${scryptSync('pw pw pw pw', salt, 32, { N: 2 ** 14, r: 8, p: 1 }).toString('base64url')}`;
    expect(await verifyPassword('pw pw pw pw', hash)).toBe(true);
    expect(await verifyPassword('pw pw pw px', hash)).toBe(false);
  });

  it.each(['', 'plaintext', '$md5$abc', '$argon2id$broken'])(
    'never matches a malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('plaintext', stored)).toBe(false);
    },
  );
});
