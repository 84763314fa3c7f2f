import { defineConfig } from 'vite';
import { tanstackStart } from '@tanstack/react-start/plugin/vite';
import viteReact from '@vitejs/plugin-react';

export default defineConfig({
  server: { port: 3002 },
  // The auth server stays a Node dependency: its embedded database loads files next to its own code.
  ssr: { external: ['@orbital/server'] },
  plugins: [tanstackStart(), viteReact()],
});
