// Creates a new Prisma migration by diffing the schema as of the latest migration (kept as a
// snapshot beside each migration) against the current schema. `prisma migrate dev` cannot run
// offline here (see docs/adr/0002-prisma-offline.md), so this is how migrations are made.
// Usage: npm run db:migration -- <name>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../src/core/database/embedded-postgres.js';
import { prismaCli } from '../src/core/database/migrations.js';

const SNAPSHOT = 'schema.snapshot';
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaDir = path.join(root, 'prisma');
const migrationsDir = path.join(prismaDir, 'migrations');

/** The whole current schema as one text: schema.prisma followed by models/*.prisma. */
function currentSchema(): string {
  const models = fs.readdirSync(path.join(prismaDir, 'models')).filter((file) => file.endsWith('.prisma')).sort();
  return [path.join(prismaDir, 'schema.prisma'), ...models.map((file) => path.join(prismaDir, 'models', file))]
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n')
    .replace('output       = "../src/generated/prisma"', 'output       = "./unused"');
}

const previous = fs.existsSync(migrationsDir)
  ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort().at(-1)
  : undefined;

// Prisma's CLI connects through the driver adapter even to diff two schema files, so a
// throw-away embedded cluster serves as its database.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-migration-'));
fs.chmodSync(scratch, 0o755);
const nextFile = path.join(scratch, 'next.prisma');
fs.writeFileSync(nextFile, currentSchema());
const args = ['migrate', 'diff', '--to-schema-datamodel', nextFile, '--script'];
if (previous) {
  const previousFile = path.join(scratch, 'previous.prisma');
  fs.copyFileSync(path.join(migrationsDir, previous, SNAPSHOT), previousFile);
  args.push('--from-schema-datamodel', previousFile);
} else {
  args.push('--from-empty');
}
const db = await startEmbeddedPostgres({ clusterDir: path.join(scratch, 'pg'), database: 'scratch' });
let sql: string;
try {
  sql = execFileSync(process.execPath, [prismaCli(), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} finally {
  await db.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (sql.includes('This is an empty migration')) {
  console.log('The schema has not changed since the latest migration; nothing written.');
  process.exit(0);
}
if (!previous) sql = 'CREATE EXTENSION IF NOT EXISTS citext;\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\n\n' + sql;
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const target = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, 'migration.sql'), sql);
fs.writeFileSync(path.join(target, SNAPSHOT), currentSchema());
console.log(`Wrote ${path.relative(root, target)}/migration.sql; review it before committing.`);
