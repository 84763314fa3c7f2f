import type { NextConfig } from 'next';

const config: NextConfig = {
  // The embedded database ships WASM and data files that must be loaded from node_modules as-is.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // create-next-app's defaults: the demo builds as a new app does.
  cacheComponents: true,
  partialPrefetching: true,
};

export default config;
