import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

// RouterRefresh is a client component that the server provider renders: it is built on its own,
// unsplit, with the 'use client' directive, and the server entry imports the built file as is.
const routerRefresh = './router-refresh.js';
export default defineConfig([
  orbitalTsup(
    { index: 'src/index.ts', 'index.react-server': 'src/index.react-server.ts', server: 'src/server.ts' },
    { clean: false, external: [routerRefresh] },
  ),
  orbitalTsup(
    { 'router-refresh': 'src/router-refresh.tsx' },
    { clean: false, splitting: false, treeshake: false, banner: { js: "'use client';" } },
  ),
]);
