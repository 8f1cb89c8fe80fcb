import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

/** The api package directory (holds prisma.config.ts and prisma/). */
export const apiPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Path of the Prisma CLI's entry script, resolved from this package. */
export function prismaCli(): string {
  return createRequire(import.meta.url).resolve('prisma/build/index.js');
}

/** Applies pending migrations with `prisma migrate deploy` (offline JS engine, pg adapter). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  await run(process.execPath, [prismaCli(), 'migrate', 'deploy'], {
    cwd: apiPackageDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    maxBuffer: 10 * 1024 * 1024,
  });
}
