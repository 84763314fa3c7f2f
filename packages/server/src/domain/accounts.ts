import { ApiError, type UserResource } from '@orbital/core';
import type { ServerContext } from '../context';
import { passwordProblem } from '../security/password-policy';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../security/passwords';
import { randomId } from '../security/tokens';
import { identifierTaken, type NewUser, type UserRecord } from '../store/types';

// Deliberately loose: the only real check of an address is a message that arrives.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,252}\.[^\s@]{2,}$/;

export interface SignUpInput {
  email: string | undefined;
  password: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

/**
 * A checked, hashed account for sign-up, not stored yet: `startSession` creates it together with
 * its first session, so a failure between the two leaves no account behind.
 */
export async function signUp(ctx: ServerContext, input: SignUpInput, ip: string): Promise<NewUser> {
  await ctx.shared.limiter.hit(`sign-up:ip:${ip}`, ctx.options.rateLimits.signUpPerIp, ctx.options.nowSeconds());
  const email = normalizeEmail(input.email);
  const password = input.password ?? '';
  const problem = await passwordProblem(password, ctx.options.passwordPolicy, [email, input.firstName, input.lastName]);
  if (problem) throw new ApiError(422, 'password_weak', problem);
  if (await ctx.store.findUserByEmail(email)) throw identifierTaken();
  return {
    id: randomId('user'),
    email,
    passwordHash: await hashPassword(password),
    firstName: clean(input.firstName),
    lastName: clean(input.lastName),
    now: ctx.options.nowSeconds(),
  };
}

/** Checks an email and password, rate limited (see {@link guardPasswordCheck}). */
export async function checkCredentials(
  ctx: ServerContext,
  identifier: string | undefined,
  password: string | undefined,
  ip: string,
): Promise<UserRecord> {
  const email = normalizeEmail(identifier);
  await ctx.shared.limiter.hit(`sign-in:ip:${ip}`, ctx.options.rateLimits.signInPerIp, ctx.options.nowSeconds());
  let found: UserRecord | null = null;
  const ok = await guardPasswordCheck(ctx, email, ip, async () => {
    found = await ctx.store.findUserByEmail(email);
    if (found) return verifyPassword(password ?? '', found.passwordHash);
    await verifyAgainstDummy(password ?? '');
    return false;
  });
  const user = found as UserRecord | null;
  if (!user) {
    throw ctx.options.accountEnumerationProtection
      ? credentialsInvalid()
      : new ApiError(422, 'identifier_not_found', "We couldn't find an account with that email. Check it, or sign up.");
  }
  if (!ok)
    throw ctx.options.accountEnumerationProtection
      ? credentialsInvalid()
      : new ApiError(422, 'password_incorrect', 'The password is incorrect. Try again, or reset it.');
  return user;
}

/** How long an IP that signed in to an account stays exempt from that account's loose limit. */
const KNOWN_IP_WINDOW = 30 * 24 * 60 * 60;

/**
 * Every check of a password, at sign-in and before a password change: refused while this account
 * has too many recent failures from this IP (tight), or — from an IP it never signed in from —
 * too many failures overall (loose). Only failures count, so the owner's successes never use up
 * the limit, and an attacker elsewhere cannot exhaust the owner's own (account, IP) allowance.
 */
export async function guardPasswordCheck(
  ctx: ServerContext,
  subject: string,
  ip: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const { limiter } = ctx.shared;
  const { signInPerIdentifierAndIp: pair, signInPerIdentifier: account } = ctx.options.rateLimits;
  const now = ctx.options.nowSeconds();
  const keys = {
    pair: `password:${subject}:${ip}`,
    account: `password:${subject}`,
    known: `password-known:${subject}:${ip}`,
  };
  await limiter.check(keys.pair, pair, now);
  const known = await limiter.check(keys.known, { limit: 1, window: KNOWN_IP_WINDOW }, now).then(
    () => false,
    () => true,
  );
  if (!known) await limiter.check(keys.account, account, now);
  if (await check()) {
    await limiter.hit(keys.known, { limit: Number.MAX_SAFE_INTEGER, window: KNOWN_IP_WINDOW }, now);
    return true;
  }
  await limiter.hit(keys.pair, { ...pair, limit: Number.MAX_SAFE_INTEGER }, now);
  await limiter.hit(keys.account, { ...account, limit: Number.MAX_SAFE_INTEGER }, now);
  return false;
}

export async function changePassword(
  ctx: ServerContext,
  user: UserRecord,
  current: string | undefined,
  next: string | undefined,
  ip: string,
): Promise<UserRecord> {
  if (!(await guardPasswordCheck(ctx, user.id, ip, () => verifyPassword(current ?? '', user.passwordHash)))) {
    throw new ApiError(422, 'password_incorrect', 'The current password is incorrect.');
  }
  const problem = await passwordProblem(next ?? '', ctx.options.passwordPolicy, [
    user.email,
    user.firstName,
    user.lastName,
  ]);
  if (problem) throw new ApiError(422, 'password_weak', problem);
  return ctx.store.updateUser(user.id, { passwordHash: await hashPassword(next!) }, ctx.options.nowSeconds());
}

export function updateProfile(
  ctx: ServerContext,
  user: UserRecord,
  patch: { firstName?: string | undefined; lastName?: string | undefined },
): Promise<UserRecord> {
  return ctx.store.updateUser(
    user.id,
    {
      ...(patch.firstName !== undefined && { firstName: clean(patch.firstName) }),
      ...(patch.lastName !== undefined && { lastName: clean(patch.lastName) }),
    },
    ctx.options.nowSeconds(),
  );
}

/** What the API and pages may show of a user: never the password hash. */
export function publicUser(user: UserRecord): UserResource {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    publicMetadata: user.publicMetadata,
    createdAt: user.createdAt,
  };
}

/** Trimmed, lower-cased, and shaped like an address; `identifier_invalid` otherwise. */
export function normalizeEmail(value: string | undefined): string {
  const email = (value ?? '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254)
    throw new ApiError(422, 'identifier_invalid', 'Enter a valid email address, like name@example.com.');
  return email;
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim().slice(0, 100);
  return trimmed ? trimmed : null;
}

function credentialsInvalid(): ApiError {
  return new ApiError(422, 'credentials_invalid', 'Email or password is incorrect.');
}
