import { defineConfig } from 'vitest/config';

/**
 * Browser tests: a real API + SMTP listener started by e2e/support/stack.ts, driven through
 * Chromium with playwright-core. One file at a time: they share ports, mail and the browser.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
