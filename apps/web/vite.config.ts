import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { startupLocale } from './startup-locale-plugin';

const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';
const proxied = { target: apiOrigin, changeOrigin: false };

export default defineConfig({
  plugins: [
    react(),
    startupLocale(),
    // Writes a .br and a .gz copy beside every text file of the build (JavaScript, CSS, HTML, SVG,
    // JSON): the API serves them to browsers that accept them (@fastify/static's preCompressed)
    // instead of compressing on every request. Skipped where compression would not make it smaller.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/^\.vite\//] }),
  ],
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every page runs (React, the router, i18next, TanStack Query) in one chunk:
          // one request, compressed as a whole (each file is compressed apart, so many small shared
          // chunks cost more), and unchanged from one release to the next unless they are upgraded.
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack[\\/][^\\/]+|use-sync-external-store)[\\/]/ }],
        },
      },
    },
  },
});
