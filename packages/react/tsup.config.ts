import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

// Everything here runs in the browser (hooks, components): mark the bundle a client module for
// React Server Components frameworks.
export default defineConfig(
  orbitalTsup({ index: 'src/index.ts' }, { banner: { js: "'use client';" }, splitting: false, treeshake: false }),
);
