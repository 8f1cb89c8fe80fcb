import { defineConfig } from 'vitest/config';

/** Unit tests: pure modules beside the code (`*.spec.ts`), no browser. */
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
