import type { Options } from 'tsup';

/** One build for every @orbital package: ESM, type declarations, no bundled dependencies. */
export function orbitalTsup(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2023',
    splitting: true,
    treeshake: true,
    ...overrides,
  };
}
