import * as crypto from 'node:crypto';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP Password Storage Cheat Sheet: Argon2id with m=19 MiB, t=2, p=1; scrypt N=2^17, r=8, p=1
// where the runtime has no Argon2 (Node < 24.7).
const ARGON2 = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

// Node 24.7+ has Argon2; a named import of it would not even load on Node 22.
const argon2 = (crypto as { argon2?: Argon2 }).argon2;
const hasArgon2 = typeof argon2 === 'function';

type Argon2 = (
  algorithm: 'argon2id',
  parameters: {
    message: string;
    nonce: Buffer;
    memory: number;
    passes: number;
    parallelism: number;
    tagLength: number;
  },
  callback: (error: Error | null, result: Buffer) => void,
) => void;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  if (hasArgon2) {
    const hash = await argon2Async(password, salt, ARGON2);
    return `$argon2id$v=19$m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
  }
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `$scrypt$ln=17,r=${SCRYPT.r},p=${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Constant-time comparison against a stored hash; unknown formats never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, kind, ...rest] = stored.split('$');
  let expected: Buffer;
  let actual: Buffer;
  if (kind === 'argon2id' && rest.length === 4 && hasArgon2) {
    const params = Object.fromEntries(rest[1]!.split(',').map((kv) => kv.split('=')));
    expected = Buffer.from(rest[3]!, 'base64url');
    actual = await argon2Async(password, Buffer.from(rest[2]!, 'base64url'), {
      memory: Number(params.m),
      passes: Number(params.t),
      parallelism: Number(params.p),
      tagLength: expected.length,
    });
  } else if (kind === 'scrypt' && rest.length === 3) {
    const params = Object.fromEntries(rest[0]!.split(',').map((kv) => kv.split('=')));
    expected = Buffer.from(rest[2]!, 'base64url');
    actual = await scryptAsync(password, Buffer.from(rest[1]!, 'base64url'), expected.length, {
      N: 2 ** Number(params.ln),
      r: Number(params.r),
      p: Number(params.p),
      maxmem: SCRYPT.maxmem,
    });
  } else {
    return false;
  }
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so that an unknown email answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('orbital-dummy-password');
  await verifyPassword(password, await dummy);
}

function argon2Async(
  password: string,
  nonce: Buffer,
  params: { memory: number; passes: number; parallelism: number; tagLength: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2!('argon2id', { message: password, nonce, ...params }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

function scryptAsync(
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, result) => (error ? reject(error) : resolve(result))),
  );
}
