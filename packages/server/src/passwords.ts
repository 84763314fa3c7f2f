import { argon2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP Password Storage Cheat Sheet: Argon2id with m=19 MiB, t=2, p=1; scrypt N=2^17, r=8, p=1
// where the runtime has no Argon2 (Node < 24.7).
const ARGON2 = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 256;
const COMMON = new Set(['password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyuiop', 'qwerty123', 'iloveyou', 'letmein1', 'welcome1', 'admin123', 'abc12345', 'football', 'baseball', 'sunshine', 'princess', 'trustno1', 'passw0rd', 'p@ssw0rd', '11111111', '00000000', 'aaaaaaaa', 'qwertyui', 'asdfghjk', 'zxcvbnm1', 'monkey12', 'dragon12', 'master12', 'superman']);

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'This password is too common; choose a less guessable one.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'The password must not contain your email address.';
  return null;
}

const hasArgon2 = typeof argon2 === 'function';

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
    actual = await argon2Async(password, Buffer.from(rest[2]!, 'base64url'), { memory: Number(params.m), passes: Number(params.t), parallelism: Number(params.p), tagLength: expected.length });
  } else if (kind === 'scrypt' && rest.length === 3) {
    const params = Object.fromEntries(rest[0]!.split(',').map((kv) => kv.split('=')));
    expected = Buffer.from(rest[2]!, 'base64url');
    actual = await scryptAsync(password, Buffer.from(rest[1]!, 'base64url'), expected.length, { N: 2 ** Number(params.ln), r: Number(params.r), p: Number(params.p), maxmem: SCRYPT.maxmem });
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

function argon2Async(password: string, nonce: Buffer, params: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2('argon2id', { message: password, nonce, ...params }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

function scryptAsync(password: string, salt: Buffer, length: number, options: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, result) => (error ? reject(error) : resolve(result))));
}
