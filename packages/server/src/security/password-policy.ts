import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 256;

/** zxcvbn's 0–4 guessability score a new password must reach, or `false` to check only the length. */
export type PasswordPolicy = { minScore: 0 | 1 | 2 | 3 | 4 } | false;

/** 3: "safely unguessable" against an online attack with throttling, zxcvbn's own recommendation. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minScore: 3 };

let estimator: Promise<ZxcvbnFactory> | undefined;

/** zxcvbn-ts with its common-password and English dictionaries, loaded on first use (they are large). */
function strengthEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return estimator;
}

/**
 * Why a new password is refused, in words to show the person choosing it, or null. Strength is
 * estimated by zxcvbn (common passwords, dictionary words, keyboard walks, dates, l33t), with the
 * account's own email and name (the first user input is the email) counted as known to an attacker.
 */
export async function passwordProblem(
  password: string,
  policy: PasswordPolicy,
  userInputs: readonly (string | null | undefined)[] = [],
): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (!policy) return null;
  const local = userInputs[0]?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local))
    return 'The password must not contain your email address.';
  const inputs = userInputs
    .flatMap((input) => (input ? [input, ...input.split(/[@.\s_-]+/)] : []))
    .filter((input) => input.length >= 3);
  const result = (await strengthEstimator()).check(password, inputs);
  if (result.score >= policy.minScore) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess${why ? `: ${why}` : '.'} Try a few unrelated words, or a longer phrase.`;
}
