/**
 * Matches request paths against patterns: strings are regular expressions over the whole path
 * (`'/dashboard(.*)'`, `'/api/private/(.*)'`), or pass RegExps.
 */
export function createRouteMatcher(patterns: ReadonlyArray<string | RegExp>) {
  const matchers = patterns.map((p) => (typeof p === 'string' ? new RegExp(`^${p}$`) : p));
  return (request: { nextUrl?: { pathname: string }; url: string }): boolean => {
    const path = request.nextUrl?.pathname ?? new URL(request.url).pathname;
    return matchers.some((m) => m.test(path));
  };
}
