import { defineConfig } from 'vitest/config';
import { startupLocale } from './startup-locale-plugin';

/** Unit tests: pure modules beside the code (`*.spec.ts`), no browser. */
export default defineConfig({
  plugins: [startupLocale()],
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
