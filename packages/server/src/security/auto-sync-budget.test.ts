import { describe, expect, it } from 'vitest';
import { AUTO_SYNC_BUDGET, spendAutoSync } from './auto-sync-budget';

const SATELLITE = 'https://satellite.example';

describe('the automatic-sync budget, read from a cookie the browser sends back', () => {
  it('allows two codes per origin an hour, then none, and again after the hour', () => {
    let cookie: string | undefined;
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) ({ allowed: allowed[i]!, cookie } = spendAutoSync(cookie, SATELLITE, 1_000 + i));
    expect(allowed).toEqual([true, true, false, false]);
    expect(spendAutoSync(cookie, SATELLITE, 1_000 + 3_600).allowed).toBe(true);
    expect(spendAutoSync(cookie, 'https://other.example', 1_010).allowed).toBe(true);
  });

  it.each([
    ['garbage', 'not a budget at all'],
    ['a forged negative count', 'abc~-5~1000'],
    ['an oversize count', `abc~${'9'.repeat(40)}~1000`],
    ['a future start', 'abc~1~99999999999999'],
    ['an oversize cookie', `${'x'.repeat(16)}~1~1000.`.repeat(500)],
  ])('treats %s as no history, and never lets it grant more than the budget', (_, value) => {
    let cookie: string | undefined = value;
    let granted = 0;
    for (let i = 0; i < 5; i++) {
      const spent = spendAutoSync(cookie, SATELLITE, 2_000 + i);
      if (spent.allowed) granted++;
      cookie = spent.cookie;
    }
    expect(granted).toBe(AUTO_SYNC_BUDGET);
    expect(cookie.length).toBeLessThan(400); // at most ten origins are kept
  });
});
