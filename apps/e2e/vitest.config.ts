import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    globalSetup: ['src/database-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Scenarios spend much of their time waiting (on the servers' clocks, installs, page loads),
    // which left a 2-core machine half idle one test at a time: two files run at a time, and inside
    // a framework's file its blocks and their tests side by side (each test its own browser context,
    // each block its own app), three at a time.
    maxWorkers: 2,
    maxConcurrency: 3,
    // Polls wait for events (a page settling, a mail arriving) on a busy machine: a generous
    // deadline only matters when the event never comes; a slower interval leaves the cores to the apps.
    expect: { poll: { timeout: 15_000, interval: 200 } },
  },
});
