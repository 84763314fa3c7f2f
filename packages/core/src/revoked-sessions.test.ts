import { describe, expect, it } from 'vitest';
import { createRevocationList } from './revoked-sessions';

describe('revocation list', () => {
  it('refuses an ended session until no token of it can still be valid, then forgets it', () => {
    let now = 0;
    const list = createRevocationList({ rememberFor: 120, now: () => now });
    list.add('sess_1');
    expect(list.has('sess_1')).toBe(true);
    expect(list.has('sess_2')).toBe(false);
    now = 119_000;
    expect(list.has('sess_1')).toBe(true);
    now = 120_000;
    expect(list.has('sess_1')).toBe(false);
    expect(list.size).toBe(0);
  });

  it('stays as small as the sessions ended within the window', () => {
    let now = 0;
    const list = createRevocationList({ rememberFor: 60, now: () => now });
    for (let i = 0; i < 1000; i++) {
      now = i * 1000;
      list.add(`sess_${i}`);
    }
    expect(list.size).toBe(60);
  });
});
