import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

export default defineConfig([
  orbitalTsup({ index: 'src/index.ts', server: 'src/server.ts', browser: 'src/browser/index.ts', ui: 'src/ui.ts' }),
  // The script-tag build: one minified file that sets window.Orbital.
  {
    entry: { 'orbital.browser': 'src/browser/script-tag.ts' },
    format: ['iife'],
    platform: 'browser',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    dts: false,
    clean: false,
  },
]);
