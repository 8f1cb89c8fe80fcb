import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma's CLI runs offline with its JavaScript engine and the pg driver adapter
// (see docs/adr/0002-prisma-offline.md). DATABASE_URL is set by our own launcher.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/unset' });
  },
});
