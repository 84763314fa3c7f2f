import { ApiError } from '@orbital/core';
import type { ServerContext } from './context';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords';
import { randomId } from './random';
import type { UserRecord } from './store/types';

// Deliberately loose: the only real check of an address is a message that arrives.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,252}\.[^\s@]{2,}$/;

export interface SignUpInput {
  email: string | undefined;
  password: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

export async function signUp(ctx: ServerContext, input: SignUpInput, ip: string): Promise<UserRecord> {
  await ctx.shared.limiter.hit(`sign-up:ip:${ip}`, ctx.options.rateLimits.signUpPerIp, ctx.options.now());
  const email = normalizeEmail(input.email);
  const password = input.password ?? '';
  const problem = passwordProblem(password, email);
  if (problem) throw new ApiError(422, 'password_weak', problem);
  return ctx.store.createUser({
    id: randomId('user'),
    email,
    passwordHash: await hashPassword(password),
    firstName: clean(input.firstName),
    lastName: clean(input.lastName),
    now: ctx.options.now(),
  });
}

/** Checks an email and password, rate limited per IP and per identifier. */
export async function checkCredentials(ctx: ServerContext, identifier: string | undefined, password: string | undefined, ip: string): Promise<UserRecord> {
  const now = ctx.options.now();
  const email = normalizeEmail(identifier);
  await ctx.shared.limiter.hit(`sign-in:ip:${ip}`, ctx.options.rateLimits.signInPerIp, now);
  await ctx.shared.limiter.hit(`sign-in:id:${email}`, ctx.options.rateLimits.signInPerIdentifier, now);
  const user = await ctx.store.findUserByEmail(email);
  if (!user) {
    await verifyAgainstDummy(password ?? '');
    throw ctx.options.accountEnumerationProtection
      ? credentialsInvalid()
      : new ApiError(422, 'identifier_not_found', "We couldn't find an account with that email. Check it, or sign up.");
  }
  if (!(await verifyPassword(password ?? '', user.passwordHash))) {
    throw ctx.options.accountEnumerationProtection ? credentialsInvalid() : new ApiError(422, 'password_incorrect', 'The password is incorrect. Try again, or reset it.');
  }
  return user;
}

export async function changePassword(ctx: ServerContext, user: UserRecord, current: string | undefined, next: string | undefined): Promise<UserRecord> {
  if (!(await verifyPassword(current ?? '', user.passwordHash))) {
    throw new ApiError(422, 'password_incorrect', 'The current password is incorrect.');
  }
  const problem = passwordProblem(next ?? '', user.email);
  if (problem) throw new ApiError(422, 'password_weak', problem);
  return ctx.store.updateUser(user.id, { passwordHash: await hashPassword(next!) }, ctx.options.now());
}

export function updateProfile(ctx: ServerContext, user: UserRecord, patch: { firstName?: string | undefined; lastName?: string | undefined }): Promise<UserRecord> {
  return ctx.store.updateUser(
    user.id,
    {
      ...(patch.firstName !== undefined && { firstName: clean(patch.firstName) }),
      ...(patch.lastName !== undefined && { lastName: clean(patch.lastName) }),
    },
    ctx.options.now(),
  );
}

/** What the API and pages may show of a user: never the password hash. */
export function publicUser(user: UserRecord) {
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, publicMetadata: user.publicMetadata, createdAt: user.createdAt };
}

function normalizeEmail(value: string | undefined): string {
  const email = (value ?? '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw new ApiError(422, 'identifier_invalid', 'Enter a valid email address, like name@example.com.');
  return email;
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim().slice(0, 100);
  return trimmed ? trimmed : null;
}

function credentialsInvalid(): ApiError {
  return new ApiError(422, 'credentials_invalid', 'Email or password is incorrect.');
}
