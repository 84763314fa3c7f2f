import { describe, expect, it } from 'vitest';
import {
  COOKIE_MAX_AGE_CAP,
  clientCookieExpiresAt,
  cookieMaxAge,
  lifetimeStatus,
  resolveLifetime,
  sessionExpiresAt,
} from './lifetime';

const DAY = 86_400;
const signIn = 1_000_000;

describe('session lifetime', () => {
  it('defaults to a 7-day inactivity timeout and a 7-day maximum lifetime', () => {
    expect(resolveLifetime()).toEqual({ inactivityTimeout: 7 * DAY, maximumLifetime: 7 * DAY });
  });

  it.each([
    // [inactivity, maximum, last active (days after sign-in), now (days after sign-in), expected]
    [7 * DAY, 7 * DAY, 0, 6.9, 'active'],
    [7 * DAY, 7 * DAY, 0, 7, 'expired'], // tie: the maximum lifetime is the harder limit
    [1 * DAY, 7 * DAY, 2, 2.9, 'active'],
    [1 * DAY, 7 * DAY, 2, 3, 'abandoned'], // ends one day after the last token
    [1 * DAY, 7 * DAY, 6.5, 7, 'expired'], // activity never extends past the maximum
    [false, 7 * DAY, 0, 6.99, 'active'],
    [false, 7 * DAY, 0, 7, 'expired'],
    [7 * DAY, false, 100, 106.9, 'active'], // no maximum: active as long as it is used
    [7 * DAY, false, 100, 107, 'abandoned'],
  ] as const)(
    'inactivity %s s, maximum %s s, last active day %s, day %s: %s',
    (inactivityTimeout, maximumLifetime, activeDay, nowDay, expected) => {
      const policy = resolveLifetime({ inactivityTimeout, maximumLifetime });
      const session = { createdAt: signIn, lastActiveAt: signIn + activeDay * DAY };
      expect(lifetimeStatus(session, policy, signIn + nowDay * DAY)).toBe(expected);
    },
  );

  it('expires at the earlier of the two limits', () => {
    const policy = resolveLifetime({ inactivityTimeout: 2 * DAY, maximumLifetime: 7 * DAY });
    expect(sessionExpiresAt({ createdAt: signIn, lastActiveAt: signIn }, policy)).toBe(signIn + 2 * DAY);
    expect(sessionExpiresAt({ createdAt: signIn, lastActiveAt: signIn + 6 * DAY }, policy)).toBe(signIn + 7 * DAY);
  });

  it('refuses turning both limits off', () => {
    expect(() => resolveLifetime({ inactivityTimeout: false, maximumLifetime: false })).toThrowError(
      expect.objectContaining({ code: 'lifetime_invalid' }),
    );
  });

  it.each([0, -1, Number.NaN, Infinity, COOKIE_MAX_AGE_CAP + 1])('refuses %s seconds', (value) => {
    expect(() => resolveLifetime({ inactivityTimeout: value })).toThrowError(
      expect.objectContaining({ code: 'lifetime_invalid' }),
    );
  });

  it('accepts exactly 400 days', () => {
    expect(resolveLifetime({ maximumLifetime: COOKIE_MAX_AGE_CAP, inactivityTimeout: false }).maximumLifetime).toBe(
      400 * DAY,
    );
  });
});

describe('cookie Max-Age', () => {
  it('is the remaining lifetime', () => {
    expect(cookieMaxAge(signIn + 3 * DAY, signIn)).toBe(3 * DAY);
  });
  it('is capped at 400 days', () => {
    expect(cookieMaxAge(signIn + 1000 * DAY, signIn)).toBe(400 * DAY);
  });
  it('is never negative', () => {
    expect(cookieMaxAge(signIn - 10, signIn)).toBe(0);
  });
});

describe('clientCookieExpiresAt', () => {
  it('is the longest session’s maximum lifetime, whatever their inactivity', () => {
    const policy = { inactivityTimeout: 100, maximumLifetime: 1_000 };
    expect(
      clientCookieExpiresAt(
        [
          { createdAt: 0, lastActiveAt: 0 },
          { createdAt: 500, lastActiveAt: 500 },
        ],
        policy,
      ),
    ).toBe(1_500);
    expect(
      clientCookieExpiresAt([{ createdAt: 0, lastActiveAt: 0 }], { inactivityTimeout: 100, maximumLifetime: null }),
    ).toBe(Infinity);
    expect(clientCookieExpiresAt([], policy)).toBe(0);
  });
});
