import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { grandfathered, readMigrations } from '../scripts/check-migrations.js';
import { checkMigration, checkMigrations, RULES, type RuleName } from '../scripts/migration-safety.js';
import { apiDir } from './support/processes.js';

const run = promisify(execFile);
const migrationsDir = path.join(apiDir, 'prisma', 'migrations');
const rulesOf = (sql: string) => checkMigration('test.sql', sql).map((violation) => violation.rule);
const LOCK = "SET lock_timeout = '5s';\n";

describe('the migrations in the repository', () => {
  it('has nothing unsafe in any migration newer than the grandfathered baseline', () => {
    const { violations } = checkMigrations(readMigrations(migrationsDir), grandfathered());
    expect(violations.map((violation) => `${violation.file}:${violation.line} ${violation.rule}`)).toEqual([]);
  });

  it('grandfathers only migrations that exist, and the baseline matters (older ones hold statements the rules refuse)', () => {
    const names = new Set(readMigrations(migrationsDir).map((migration) => migration.name));
    for (const name of grandfathered()) expect(names.has(name), name).toBe(true);
    const all = checkMigrations(readMigrations(migrationsDir), new Set());
    expect(all.violations.some((violation) => violation.rule === 'create-index-without-concurrently')).toBe(true);
  });

  it('npm run db:check-migrations exits 0 on the repository and 1, naming rule and line, on a new unsafe migration', async () => {
    const tsx = path.join(apiDir, 'node_modules', '.bin', 'tsx');
    const bin = fs.existsSync(tsx) ? tsx : path.join(apiDir, '..', '..', 'node_modules', '.bin', 'tsx');
    const ok = await run(bin, ['scripts/check-migrations.ts'], { cwd: apiDir });
    expect(ok.stdout).toContain('nothing unsafe');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-migrations-'));
    try {
      fs.mkdirSync(path.join(dir, '29990101000000_unsafe'));
      fs.writeFileSync(path.join(dir, '29990101000000_unsafe', 'migration.sql'), `${LOCK}-- CreateIndex\nCREATE INDEX "Member_x_idx" ON "Member"("x");\n`);
      const failed = await run(bin, ['scripts/check-migrations.ts', dir], { cwd: apiDir }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain('29990101000000_unsafe/migration.sql:3  create-index-without-concurrently');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** For every rule: a statement that breaks it on an existing table, and the safe way to do the same. */
const CASES: Record<RuleName, { unsafe: string; safe: string }> = {
  'lock-timeout': { unsafe: 'ALTER TABLE "Member" ADD COLUMN "x" TEXT;', safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "x" TEXT;` },
  'create-index-without-concurrently': {
    unsafe: 'CREATE INDEX "Member_x_idx" ON "Member"("x");',
    safe: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Member_x_idx" ON "Member"("x");',
  },
  'drop-index-without-concurrently': { unsafe: 'DROP INDEX "Member_x_idx";', safe: 'DROP INDEX CONCURRENTLY IF EXISTS "Member_x_idx";' },
  'reindex-without-concurrently': { unsafe: 'REINDEX INDEX "Member_x_idx";', safe: 'REINDEX INDEX CONCURRENTLY "Member_x_idx";' },
  'add-column-volatile-default': {
    unsafe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "token" UUID DEFAULT gen_random_uuid();`,
    safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "createdOn" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, ADD COLUMN "flag" BOOLEAN NOT NULL DEFAULT false;`,
  },
  'add-column-rewrite': {
    unsafe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "seq" BIGSERIAL;`,
    safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "seq" BIGINT;`,
  },
  'add-column-not-null-without-default': {
    unsafe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "nick" TEXT NOT NULL;`,
    safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "nick" TEXT;`,
  },
  'alter-column-type': {
    unsafe: `${LOCK}ALTER TABLE "Member" ALTER COLUMN "nick" SET DATA TYPE VARCHAR(20);`,
    safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "nick2" VARCHAR(20);`,
  },
  'set-not-null': {
    unsafe: `${LOCK}ALTER TABLE "Member" ALTER COLUMN "nick" SET NOT NULL;`,
    safe:
      `${LOCK}ALTER TABLE "Member" ADD CONSTRAINT "Member_nick_not_null" CHECK ("nick" IS NOT NULL) NOT VALID;\n` +
      'ALTER TABLE "Member" VALIDATE CONSTRAINT "Member_nick_not_null";\n' +
      'ALTER TABLE "Member" ALTER COLUMN "nick" SET NOT NULL;\nALTER TABLE "Member" DROP CONSTRAINT "Member_nick_not_null";',
  },
  'constraint-without-not-valid': {
    unsafe: `${LOCK}ALTER TABLE "Report" ADD CONSTRAINT "Report_x_fkey" FOREIGN KEY ("x") REFERENCES "Member"("id") ON DELETE SET NULL;`,
    safe: `${LOCK}ALTER TABLE "Report" ADD CONSTRAINT "Report_x_fkey" FOREIGN KEY ("x") REFERENCES "Member"("id") ON DELETE SET NULL NOT VALID;\nALTER TABLE "Report" VALIDATE CONSTRAINT "Report_x_fkey";`,
  },
  'unique-without-index': {
    unsafe: `${LOCK}ALTER TABLE "Member" ADD CONSTRAINT "Member_nick_key" UNIQUE ("nick");`,
    safe: `CREATE UNIQUE INDEX CONCURRENTLY "Member_nick_key" ON "Member"("nick");\n${LOCK}ALTER TABLE "Member" ADD CONSTRAINT "Member_nick_key" UNIQUE USING INDEX "Member_nick_key";`,
  },
  'drop-column': {
    unsafe: `${LOCK}ALTER TABLE "Partner" DROP COLUMN "logoUrl";`,
    safe: `${LOCK}-- migration-safety: allow drop-column because release 12 stopped reading logoUrl (contract step)\nALTER TABLE "Partner" DROP COLUMN "logoUrl";`,
  },
  'drop-table': {
    unsafe: `${LOCK}DROP TABLE "OldThing";`,
    safe: 'CREATE TABLE "Scratch" ("id" INT);\nDROP TABLE "Scratch";',
  },
  rename: {
    unsafe: `${LOCK}ALTER TABLE "Member" RENAME COLUMN "nick" TO "nickname";`,
    safe: `${LOCK}ALTER TABLE "Member" ADD COLUMN "nickname" TEXT;`,
  },
  'table-rewrite-or-lock': { unsafe: 'VACUUM FULL "Member";', safe: 'ANALYZE "Member";' },
  'concurrently-in-transaction': {
    unsafe: 'BEGIN;\nCREATE INDEX CONCURRENTLY "Member_x_idx" ON "Member"("x");\nCOMMIT;',
    safe: 'CREATE INDEX CONCURRENTLY "Member_x_idx" ON "Member"("x");',
  },
};

describe('the migration-safety rules on crafted examples', () => {
  it('has an example for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [rule, { unsafe, safe }] of Object.entries(CASES) as [RuleName, { unsafe: string; safe: string }][]) {
    it(`${rule}: fires on the unsafe form, not on the safe one`, () => {
      expect(rulesOf(unsafe)).toContain(rule);
      expect(rulesOf(safe)).toEqual([]);
    });
  }

  it('an allowance with a reason silences only the named rule on the next statement; one without a reason counts for nothing', () => {
    const index = 'CREATE INDEX "Member_x_idx" ON "Member"("x");';
    expect(rulesOf(`-- migration-safety: allow create-index-without-concurrently because Member has 40 rows in every deployment\n${index}`)).toEqual([]);
    expect(rulesOf(`-- migration-safety: allow create-index-without-concurrently\n${index}`)).toEqual(['create-index-without-concurrently']);
    expect(rulesOf(`-- migration-safety: allow drop-column because unrelated\n${index}`)).toEqual(['create-index-without-concurrently']);
    expect(rulesOf(`-- migration-safety: allow create-index-without-concurrently because small\n${index}\n${index}`)).toEqual(['create-index-without-concurrently']);
  });

  it('tables created in the same migration are new and empty: indexes, constraints and NOT NULL on them are fine', () => {
    const sql = [
      'CREATE TABLE "Thing" ("id" UUID NOT NULL, "memberId" UUID, CONSTRAINT "Thing_pkey" PRIMARY KEY ("id"));',
      'CREATE UNIQUE INDEX "Thing_memberId_key" ON "Thing"("memberId");',
      'ALTER TABLE "Thing" ALTER COLUMN "memberId" SET NOT NULL;',
    ].join('\n');
    expect(rulesOf(sql)).toEqual([]);
    // …but a foreign key to an existing table locks that table while it is added.
    expect(rulesOf(`${sql}\nALTER TABLE "Thing" ADD CONSTRAINT "Thing_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id");`)).toEqual(['lock-timeout']);
  });

  it('reads statements as PostgreSQL does: semicolons and keywords inside strings, E-strings, dollar quotes and comments do not count', () => {
    const sql = [
      LOCK,
      `CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION \\'no\\x3b DROP TABLE "Member"\\'\\x3b END'`,
      ';',
      `COMMENT ON TABLE "Member" IS 'DROP TABLE "Member"; CREATE INDEX "x" ON "Member"("a")';`,
      '/* ALTER TABLE "Member" DROP COLUMN "email"; */',
      'SELECT $body$ DROP TABLE "Member"; $body$;',
    ].join('\n');
    expect(rulesOf(sql)).toEqual([]);
  });

  it('counts a NOT NULL check validated in an earlier migration for a later SET NOT NULL', () => {
    const first = `${LOCK}ALTER TABLE "Member" ADD CONSTRAINT "Member_nick_nn" CHECK ("nick" IS NOT NULL) NOT VALID;\nALTER TABLE "Member" VALIDATE CONSTRAINT "Member_nick_nn";`;
    const second = `${LOCK}ALTER TABLE "Member" ALTER COLUMN "nick" SET NOT NULL;`;
    const result = checkMigrations(
      [
        { name: '29990101000000_check', script: first },
        { name: '29990102000000_not_null', script: second },
      ],
      new Set(),
    );
    expect(result.violations).toEqual([]);
    expect(checkMigrations([{ name: '29990102000000_not_null', script: second }], new Set()).violations.map((violation) => violation.rule)).toEqual(['set-not-null']);
  });
});
