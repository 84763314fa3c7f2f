import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ApiError, type VerificationPurpose, type VerificationResource } from '@orbital/core';
import type { ServerContext } from '../context';
import { sendEmail } from '../email/send';
import { codeEmail } from '../email/templates';
import { rateLimited } from '../security/rate-limit';
import { randomId } from '../security/tokens';
import type { VerificationRecord } from '../store/types';

/** Wrong codes allowed per code sent: with at most {@link MAX_SENDS} codes, 25 guesses in a million. */
const CODE_ATTEMPTS = 5;
/** Codes one verification may send, the first included. */
const MAX_SENDS = 5;
/** Seconds between two codes for the same verification. */
const RESEND_INTERVAL = 30;

/** The page that opens a link from an email: `/verify?token=…`. */
export const VERIFY_PATH = '/verify';

export interface VerificationStart {
  purpose: VerificationPurpose;
  email: string;
  userId: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Stores a new verification and sends its code and link. When the message is not accepted for
 * delivery the verification is forgotten and the request fails (`email_unavailable`): nothing is
 * left half-done.
 */
export async function startVerification(ctx: ServerContext, start: VerificationStart): Promise<VerificationRecord> {
  const now = ctx.options.nowSeconds();
  const id = randomId('ver');
  const secrets = newSecrets(id);
  const record: VerificationRecord = {
    id,
    purpose: start.purpose,
    email: start.email,
    userId: start.userId,
    codeHash: secrets.codeHash,
    tokenHash: secrets.tokenHash,
    payload: start.payload ?? {},
    attempts: 0,
    sends: 1,
    createdAt: now,
    sentAt: now,
    expiresAt: now + ctx.options.verificationTtl,
    consumedAt: null,
  };
  await ctx.store.createVerification(record);
  try {
    await deliver(ctx, record, secrets);
  } catch (error) {
    await ctx.store.deleteVerification(id);
    throw error;
  }
  return record;
}

/** A new code and link for a verification still open: not sooner than 30 s after the last, at most five in all. */
export async function resendVerification(ctx: ServerContext, id: string): Promise<VerificationRecord> {
  const record = await open(ctx, await ctx.store.findVerification(id));
  const now = ctx.options.nowSeconds();
  if (record.sends >= MAX_SENDS)
    throw new ApiError(
      429,
      'rate_limited',
      'No more codes can be sent for this request: start again (sign up, or ask for a new reset).',
    );
  if (now < record.sentAt + RESEND_INTERVAL) throw rateLimited(record.sentAt + RESEND_INTERVAL - now);
  const secrets = newSecrets(id);
  const renewal = {
    codeHash: secrets.codeHash,
    tokenHash: secrets.tokenHash,
    sentAt: now,
    expiresAt: now + ctx.options.verificationTtl,
  };
  await ctx.store.renewVerification(id, renewal);
  const renewed = { ...record, ...renewal, sends: record.sends + 1, attempts: 0 };
  await deliver(ctx, renewed, secrets);
  return renewed;
}

/**
 * Checks a code typed by the person: right once (then used up), wrong with the attempts left,
 * expired, or exhausted, each with its own stable code. A verification of another purpose is
 * not found.
 */
export async function verifyCode(
  ctx: ServerContext,
  id: string,
  purpose: VerificationPurpose,
  code: string | undefined,
): Promise<VerificationRecord> {
  const found = await ctx.store.findVerification(id);
  const record = await open(ctx, found?.purpose === purpose ? found : null);
  if (record.attempts >= CODE_ATTEMPTS) throw attemptsExceeded();
  const given = (code ?? '').replace(/\s+/g, '');
  // A reset asked for an address with no account has a code nobody received: never right.
  const right = !unreceived(record) && sameHash(hashCode(id, given), record.codeHash);
  if (!right) {
    const attempts = (await ctx.store.countVerificationAttempt(id)) ?? CODE_ATTEMPTS;
    const left = CODE_ATTEMPTS - attempts;
    if (left <= 0) throw attemptsExceeded();
    throw new ApiError(
      422,
      'verification_code_invalid',
      `That code is not right: check the latest email and try again (${left} ${left === 1 ? 'attempt' : 'attempts'} left).`,
      { attemptsLeft: left },
    );
  }
  return consume(ctx, record);
}

/** The verification a link from an email opens, still unused and unexpired; it stays unused. */
export async function findByLink(ctx: ServerContext, token: string | null | undefined): Promise<VerificationRecord> {
  const record = await open(ctx, token ? await ctx.store.findVerificationByToken(hashToken(token)) : null);
  if (unreceived(record)) throw verificationNotFound();
  return record;
}

/** Opens the link from an email: the same checks as a code, found by its token, and used up. */
export async function verifyLink(ctx: ServerContext, token: string | null | undefined): Promise<VerificationRecord> {
  return consume(ctx, await findByLink(ctx, token));
}

/** What a browser may know of a verification. */
export function verificationJson(record: VerificationRecord): VerificationResource {
  return {
    id: record.id,
    purpose: record.purpose,
    email: record.email,
    expiresAt: record.expiresAt,
    resendAfter: record.sentAt + RESEND_INTERVAL,
  };
}

async function open(ctx: ServerContext, record: VerificationRecord | null): Promise<VerificationRecord> {
  if (!record) throw verificationNotFound();
  if (record.consumedAt !== null)
    throw new ApiError(422, 'verification_used', 'This code or link was already used. Start again if you need to.');
  if (record.expiresAt <= ctx.options.nowSeconds())
    throw new ApiError(422, 'verification_expired', 'This code or link has expired: ask for a new one.');
  return record;
}

async function consume(ctx: ServerContext, record: VerificationRecord): Promise<VerificationRecord> {
  if (!(await ctx.store.consumeVerification(record.id, ctx.options.nowSeconds())))
    throw new ApiError(422, 'verification_used', 'This code or link was already used. Start again if you need to.');
  return record;
}

/**
 * Sends the code and link. A reset's message goes out after the answer — how long sending takes
 * must not tell whether an account exists — so its failure is logged (by `sendEmail`) and "Send a
 * new code" tries again; every other message is awaited, and its failure fails the request.
 */
async function deliver(
  ctx: ServerContext,
  record: VerificationRecord,
  secrets: { code: string; token: string },
): Promise<void> {
  if (record.purpose === 'password_reset') {
    if (!unreceived(record)) void send(ctx, record, secrets).catch(() => {});
    return;
  }
  await send(ctx, record, secrets);
}

/** A reset asked for an address no account uses: the same steps and answers, and no message. */
function unreceived(record: VerificationRecord): boolean {
  return record.purpose === 'password_reset' && record.userId === null;
}

async function send(ctx: ServerContext, record: VerificationRecord, secrets: { code: string; token: string }) {
  const link = `${ctx.options.url}${VERIFY_PATH}?token=${secrets.token}`;
  await sendEmail(
    ctx,
    record.email,
    codeEmail({
      appName: ctx.options.appName,
      purpose: record.purpose,
      code: secrets.code,
      link,
      minutes: Math.round(ctx.options.verificationTtl / 60),
    }),
  );
}

function newSecrets(id: string) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const token = randomBytes(32).toString('base64url');
  return { code, token, codeHash: hashCode(id, code), tokenHash: hashToken(token) };
}

/** Salted with the verification's id: the same code elsewhere hashes differently. */
function hashCode(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('base64url');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verificationNotFound(): ApiError {
  return new ApiError(
    404,
    'verification_not_found',
    'This verification does not exist (or no longer does): start again.',
  );
}

function attemptsExceeded(): ApiError {
  return new ApiError(
    429,
    'verification_attempts_exceeded',
    'Too many wrong codes: ask for a new code, and use the one in the latest email.',
  );
}
