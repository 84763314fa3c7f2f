import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblem } from './password-policy';

describe('the password policy (zxcvbn, score 3 of 4 by default)', () => {
  // Passwords people choose, each accepted by the old 30-word blocklist.
  const common = [
    'abcd1234',
    'iloveyou1',
    'Summer2024',
    '1q2w3e4r',
    'qazwsxedc',
    'Password123!',
    'letmein123',
    'welcome2024',
    'Football1',
    'monkey123',
    'dragon2024',
    'sunshine1',
    'princess1',
    'trustno1!',
    'zaq12wsx',
    '1qaz2wsx',
    'Winter2023!',
    'Passw0rd!',
    'abc123abc',
    'asdfghjkl',
    'michael1',
    'charlie1',
    'shadow123',
    'superman1',
  ];

  it.each(common)('refuses %j, saying why', async (password) => {
    expect(await passwordProblem(password, DEFAULT_PASSWORD_POLICY)).toMatch(/^This password is too easy to guess/);
  });

  it.each(['tangerine lighthouse 42', 'correct horse 1 battery', 'analytical engine 1843'])(
    'accepts a passphrase like %j',
    async (password) => {
      expect(await passwordProblem(password, DEFAULT_PASSWORD_POLICY)).toBeNull();
    },
  );

  it('counts the account’s own email and name as known to an attacker', async () => {
    expect(
      await passwordProblem('grace.hopper1906', DEFAULT_PASSWORD_POLICY, [
        'grace.hopper@example.com',
        'Grace',
        'Hopper',
      ]),
    ).not.toBeNull();
  });

  it('keeps the length rules whatever the policy, and can be turned off', async () => {
    expect(await passwordProblem('short', false)).toContain('at least 8');
    expect(await passwordProblem('x'.repeat(300), false)).toContain('at most 256');
    expect(await passwordProblem('password123', false)).toBeNull();
    expect(await passwordProblem('password123', { minScore: 1 })).not.toBeNull();
  });
});
