import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

// The runtime files stay separate, self-contained modules: Nuxt loads them by path and resolves `#imports` itself.
export default defineConfig(
  orbitalTsup(
    {
      module: 'src/module.ts',
      server: 'src/server.ts',
      'runtime/plugin': 'src/runtime/plugin.ts',
      'runtime/route-middleware': 'src/runtime/route-middleware.ts',
      'runtime/server/middleware': 'src/runtime/server/middleware.ts',
      'runtime/server/auth': 'src/runtime/server/auth.ts',
    },
    { external: ['#imports', '#app'], splitting: false },
  ),
);
