// Checks the migrations newer than the grandfathered baseline for statements that are dangerous on
// a live database (the rules: docs/migrations.md). Exit 1 with the findings when there are any.
// Usage: npm run db:check-migrations [-- <migrations directory>]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMigrations, type MigrationFile } from './migration-safety.js';

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));

/** The migration directories' names that predate the rules (scripts/migration-safety-baseline.json). */
export function grandfathered(): Set<string> {
  const baseline = JSON.parse(fs.readFileSync(path.join(scriptsDir, 'migration-safety-baseline.json'), 'utf8')) as { grandfathered: string[] };
  return new Set(baseline.grandfathered);
}

/** Every migration under `dir` (one directory per migration holding migration.sql). */
export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => ({ name: entry.name, script: fs.readFileSync(path.join(dir, entry.name, 'migration.sql'), 'utf8') }));
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? path.join(scriptsDir, '..', 'prisma', 'migrations'));
  const { checked, violations } = checkMigrations(readMigrations(dir), grandfathered());
  for (const violation of violations) {
    console.error(`${violation.file}:${violation.line}  ${violation.rule}\n  ${violation.statement}\n  → ${violation.advice}\n`);
  }
  console.log(
    violations.length
      ? `${violations.length} unsafe statement(s) in ${checked.length} checked migration(s). Fix them, or add "-- migration-safety: allow <rule> because <reason>" right before a statement that is safe on purpose.`
      : `Migration safety: ${checked.length} migration(s) newer than the baseline checked, nothing unsafe.`,
  );
  process.exitCode = violations.length ? 1 : 0;
}
