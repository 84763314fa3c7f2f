import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('loads in plain Node ESM (scripts, test runners, custom servers), not only through Next’s bundler', () => {
  // `next` has no exports map: `next/headers` without `.js` resolves in bundlers only.
  const exported = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "console.log(Object.keys(await import('@orbital/nextjs/server')).join(','))"],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    },
  );
  expect(exported.trim().split(',')).toEqual(
    expect.arrayContaining(['auth', 'orbitalMiddleware', 'createRouteHandlers', 'nextOptions']),
  );
});
