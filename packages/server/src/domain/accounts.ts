import { ApiError, type UserResource } from '@orbital/core';
import type { ServerContext } from '../context';
import { passwordProblem } from '../security/password-policy';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../security/passwords';
import { randomId } from '../security/tokens';
import { identifierTaken, type NewUser, type UserRecord, type VerificationRecord } from '../store/types';
import { sendEmail } from '../email/send';
import { emailChangedNotice } from '../email/templates';
import { findByLink, startVerification, verificationNotFound, verifyCode, verifyLink } from './verifications';

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

/**
 * Sign-up when verification is required: the checked account waits in the verification, and the
 * code goes to its address. Nothing exists under that address until the code comes back.
 */
export function beginSignUp(ctx: ServerContext, user: NewUser, redirectUrl?: string): Promise<VerificationRecord> {
  return startVerification(ctx, {
    purpose: 'sign_up',
    email: user.email,
    userId: null,
    payload: { user, ...(redirectUrl && { redirectUrl }) },
  });
}

/** The account a verified sign-up creates (with its first session, by `startSession`). */
export async function completeSignUp(ctx: ServerContext, verification: VerificationRecord): Promise<NewUser> {
  const pending = verification.payload.user as NewUser;
  if (await ctx.store.findUserByEmail(pending.email)) throw identifierTaken();
  return { ...pending, emailVerified: true, now: ctx.options.nowSeconds() };
}

/**
 * "Forgot password": a code to the address when an account has it, and the same answer, at the
 * same speed, when none has. Limited per address and per IP.
 */
export async function requestPasswordReset(
  ctx: ServerContext,
  identifier: string | undefined,
  ip: string,
): Promise<VerificationRecord> {
  const email = normalizeEmail(identifier);
  const { limiter } = ctx.shared;
  const now = ctx.options.nowSeconds();
  await limiter.hit(`password-reset:ip:${ip}`, ctx.options.rateLimits.passwordResetPerIp, now);
  await limiter.hit(`password-reset:${email}`, ctx.options.rateLimits.passwordResetPerIdentifier, now);
  const user = await ctx.store.findUserByEmail(email);
  return startVerification(ctx, {
    purpose: 'password_reset',
    email,
    userId: user?.id ?? null,
  });
}

/**
 * A new password with the code from the email (or its link's token); the address is proven along
 * the way.
 */
export async function resetPassword(
  ctx: ServerContext,
  proof: { verificationId: string; code: string | undefined } | { token: string | undefined },
  password: string | undefined,
): Promise<UserRecord> {
  const pending =
    'token' in proof ? await findByLink(ctx, proof.token) : await ctx.store.findVerification(proof.verificationId);
  const owner =
    pending?.purpose === 'password_reset' && pending.userId ? await ctx.store.findUserById(pending.userId) : null;
  // A weak password must not use up the code: check it first.
  if (owner) await assertStrongPassword(ctx, password, owner);
  const verification =
    'token' in proof
      ? await verifyLink(ctx, proof.token)
      : await verifyCode(ctx, proof.verificationId, 'password_reset', proof.code);
  if (verification.purpose !== 'password_reset')
    throw new ApiError(404, 'verification_not_found', 'This link is not for a password reset.');
  const user = verification.userId ? await ctx.store.findUserById(verification.userId) : null;
  if (!user) throw new ApiError(404, 'verification_not_found', 'This account no longer exists.');
  return ctx.store.updateUser(
    user.id,
    { passwordHash: await hashPassword(password!), emailVerified: true },
    ctx.options.nowSeconds(),
  );
}

/**
 * A new address for a signed-in user: a code goes there first, and nothing changes until it comes
 * back. The current address, while unverified (an account made with verification off), is
 * verified the same way.
 */
export async function requestEmailChange(
  ctx: ServerContext,
  user: UserRecord,
  newEmail: string | undefined,
): Promise<VerificationRecord> {
  const email = normalizeEmail(newEmail);
  if (email === user.email && user.emailVerified)
    throw new ApiError(422, 'identifier_invalid', 'This is already your email address, and it is verified.');
  if (email !== user.email && (await ctx.store.findUserByEmail(email))) throw identifierTaken();
  return startVerification(ctx, { purpose: 'email_change', email, userId: user.id });
}

/** The code from the new address, entered by the user who asked for the change (nobody else's counts). */
export async function verifyEmailChange(
  ctx: ServerContext,
  user: UserRecord,
  verificationId: string,
  code: string | undefined,
): Promise<{ user: UserRecord; changed: boolean }> {
  if ((await ctx.store.findVerification(verificationId))?.userId !== user.id) throw verificationNotFound();
  return applyEmailChange(ctx, await verifyCode(ctx, verificationId, 'email_change', code));
}

/**
 * Applies a verified address (a change, or the current address verified) and tells the old address
 * of a change (the change stands if that message fails).
 */
export async function applyEmailChange(
  ctx: ServerContext,
  verification: VerificationRecord,
): Promise<{ user: UserRecord; changed: boolean }> {
  const user = verification.userId ? await ctx.store.findUserById(verification.userId) : null;
  if (!user) throw new ApiError(404, 'verification_not_found', 'This account no longer exists.');
  const updated = await ctx.store.updateUser(
    user.id,
    { email: verification.email, emailVerified: true },
    ctx.options.nowSeconds(),
  );
  if (updated.email === user.email) return { user: updated, changed: false };
  await sendEmail(ctx, user.email, emailChangedNotice({ appName: ctx.options.appName, newEmail: updated.email })).catch(
    () => {}, // logged by sendEmail
  );
  return { user: updated, changed: true };
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
  await assertStrongPassword(ctx, next, user);
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
    emailVerified: user.emailVerified,
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

async function assertStrongPassword(ctx: ServerContext, password: string | undefined, user: UserRecord): Promise<void> {
  const problem = await passwordProblem(password ?? '', ctx.options.passwordPolicy, [
    user.email,
    user.firstName,
    user.lastName,
  ]);
  if (problem) throw new ApiError(422, 'password_weak', problem);
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim().slice(0, 100);
  return trimmed ? trimmed : null;
}

function credentialsInvalid(): ApiError {
  return new ApiError(422, 'credentials_invalid', 'Email or password is incorrect.');
}
