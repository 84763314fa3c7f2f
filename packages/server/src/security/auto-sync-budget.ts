import { createHash } from 'node:crypto';

/**
 * Automatic syncs the primary answers with a sync code per satellite origin, per browser, per
 * hour. A satellite that keeps its cookies syncs once; one that comes back again and again keeps
 * none (blocked or cleared), and each code costs a database write: past the budget it is told
 * "signed out" instead, which costs nothing.
 */
export const AUTO_SYNC_BUDGET = 2;
const WINDOW_SECONDS = 3600;
const MAX_ORIGINS = 10;

interface Spent {
  origin: string;
  count: number;
  since: number;
}

/** The value of the auto-sync cookie: `originKey~count~since` entries joined by `.`. */
function parse(value: string | undefined): Spent[] {
  return (value ?? '')
    .split('.')
    .map((entry) => /^([\w-]{1,16})~(\d{1,4})~(\d{1,12})$/.exec(entry))
    .filter((match) => match !== null)
    .map((match) => ({ origin: match[1]!, count: Number(match[2]), since: Number(match[3]) }));
}

const originKey = (origin: string) => createHash('sha256').update(origin).digest('base64url').slice(0, 12);

/** Spends one automatic sync for `origin`: whether a code may be issued, and the cookie's new value. */
export function spendAutoSync(
  cookie: string | undefined,
  origin: string,
  now: number,
): { allowed: boolean; cookie: string } {
  const key = originKey(origin);
  const entries = parse(cookie).filter((e) => now - e.since < WINDOW_SECONDS);
  const current = entries.find((e) => e.origin === key) ?? { origin: key, count: 0, since: now };
  const next = { ...current, count: Math.min(current.count + 1, 9_999) };
  const kept = [next, ...entries.filter((e) => e.origin !== key)].slice(0, MAX_ORIGINS);
  return {
    allowed: next.count <= AUTO_SYNC_BUDGET,
    cookie: kept.map((e) => `${e.origin}~${e.count}~${e.since}`).join('.'),
  };
}
