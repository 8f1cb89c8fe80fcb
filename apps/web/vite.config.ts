import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { startupLocale } from './startup-locale-plugin';

const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';
const proxied = { target: apiOrigin, changeOrigin: false };

export default defineConfig({
  plugins: [react(), startupLocale()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': proxied, '/health': proxied, '/dev': proxied, '/oidc': proxied, '/partner-api': proxied },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: the chunk graph bundle-size.ts (npm run bundle:report, src/bundle-budget.spec.ts) reads.
    manifest: true,
    target: 'es2022',
  },
});
