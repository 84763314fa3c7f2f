import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Password hashing at OWASP cost and real databases take longer than vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
