// Migration safety: finds statements that take long locks or break the running release when a
// migration is applied to a live database (the rules: docs/migrations.md). Used by
// scripts/check-migrations.ts and its test (test/infra-migration-safety.e2e-spec.ts).
//
// A statement that breaks a rule on purpose carries, right before it (or on its own line), a
// comment naming the rule and the reason:
//   -- migration-safety: allow create-index-without-concurrently because the table is created above
// An allowance without a reason does not count.

/** Every rule, with the advice shown when it fires. */
export const RULES = {
  'lock-timeout':
    'Start the migration with SET lock_timeout = \'5s\' before it locks an existing table, so a blocked ALTER fails fast instead of queueing every query behind it.',
  'create-index-without-concurrently':
    'CREATE INDEX on an existing table blocks writes while it builds: use CREATE INDEX CONCURRENTLY (one per migration; drop an INVALID index left by a failure and re-run).',
  'drop-index-without-concurrently': 'Use DROP INDEX CONCURRENTLY: a plain DROP INDEX takes an exclusive lock on the table.',
  'reindex-without-concurrently': 'Use REINDEX … CONCURRENTLY.',
  'add-column-volatile-default':
    'ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval…) rewrites the table under an exclusive lock: add the column without a default, backfill in batches, then set the default.',
  'add-column-rewrite':
    'A serial, identity or stored generated column rewrites the whole table under an exclusive lock: add a plain nullable column and backfill in batches.',
  'add-column-not-null-without-default':
    'ADD COLUMN … NOT NULL without a default fails on a table with rows: add it nullable (expand), backfill, then enforce NOT NULL via a CHECK … NOT VALID constraint.',
  'alter-column-type':
    'Changing a column\'s type usually rewrites the table and its indexes under an exclusive lock: add a new column, write both, backfill, switch reads, drop the old one a release later.',
  'set-not-null':
    'SET NOT NULL scans the whole table under an exclusive lock: first ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT (no exclusive lock), then SET NOT NULL (PostgreSQL uses the valid check and skips the scan).',
  'constraint-without-not-valid':
    'Adding a FOREIGN KEY or CHECK constraint to an existing table scans it under lock: add it NOT VALID, then VALIDATE CONSTRAINT in a later statement.',
  'unique-without-index':
    'ADD UNIQUE / PRIMARY KEY builds an index under an exclusive lock: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX.',
  'drop-column':
    'Dropping a column breaks the release still running during rollout: stop using it in one release (contract) and drop it in a later one, with an allowance saying so.',
  'drop-table':
    'Dropping a table breaks the release still running during rollout: stop using it in one release and drop it in a later one, with an allowance saying so.',
  rename: 'Renaming a table or column breaks the release still running during rollout: add the new one, copy, switch, drop the old one later (expand/contract).',
  'table-rewrite-or-lock': 'VACUUM FULL, CLUSTER, TRUNCATE and LOCK TABLE lock the table for their whole run: not in a migration on a live database.',
  'concurrently-in-transaction': 'CONCURRENTLY cannot run inside a transaction block: remove BEGIN/COMMIT (migrations are not wrapped in a transaction).',
} as const;

export type RuleName = keyof typeof RULES;

export interface Violation {
  file: string;
  /** 1-based line where the statement starts. */
  line: number;
  rule: RuleName;
  statement: string;
  advice: string;
}

interface Statement {
  /** SQL without comments, whitespace collapsed. */
  sql: string;
  line: number;
  /** Rules allowed (with a reason) by comments before or inside the statement. */
  allowed: Set<string>;
}

const ALLOW = /migration-safety:\s*allow\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)\s+because\s+\S/i;

/**
 * Splits a script into statements at semicolons outside strings, quoted identifiers, dollar
 * quotes and comments, keeping the comments that precede each statement for its allowances.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let sql = '';
  let comments = '';
  let line = 1;
  let startLine = 0;
  let i = 0;
  const flush = () => {
    const text = sql.replace(/\s+/g, ' ').trim();
    if (text) {
      const allowed = new Set<string>();
      for (const comment of comments.split('\n')) {
        const match = ALLOW.exec(comment);
        if (match) for (const rule of match[1]!.split(',')) allowed.add(rule.trim().toLowerCase());
      }
      statements.push({ sql: text, line: startLine || line, allowed });
    }
    sql = '';
    comments = '';
    startLine = 0;
  };
  const append = (text: string) => {
    if (!startLine && text.trim()) startLine = line;
    sql += text;
    line += text.split('\n').length - 1;
  };
  while (i < script.length) {
    const rest = script.slice(i);
    if (rest.startsWith('--')) {
      const end = script.indexOf('\n', i);
      const comment = script.slice(i, end === -1 ? script.length : end);
      comments += `${comment}\n`;
      i += comment.length;
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = script.indexOf('*/', i + 2);
      const comment = script.slice(i, end === -1 ? script.length : end + 2);
      comments += `${comment}\n`;
      line += comment.split('\n').length - 1;
      sql += ' ';
      i += comment.length;
      continue;
    }
    const char = script[i]!;
    if (char === "'") {
      // E'…' strings take backslash escapes; standard strings double the quote.
      const escapes = /[eE]$/.test(sql) && !/[A-Za-z0-9_][eE]$/.test(sql);
      let j = i + 1;
      while (j < script.length) {
        if (escapes && script[j] === '\\') j += 2;
        else if (script[j] === "'" && script[j + 1] === "'") j += 2;
        else if (script[j] === "'") break;
        else j++;
      }
      append(script.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (char === '"') {
      const end = script.indexOf('"', i + 1);
      append(script.slice(i, end === -1 ? script.length : end + 1));
      i = end === -1 ? script.length : end + 1;
      continue;
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const end = script.indexOf(dollar[0], i + dollar[0].length);
      const body = script.slice(i, end === -1 ? script.length : end + dollar[0].length);
      append(body);
      i += body.length;
      continue;
    }
    if (char === ';') {
      flush();
      i++;
      continue;
    }
    append(char);
    i++;
  }
  flush();
  return statements;
}

/** `"public"."Member"` or `Member` → `member` (quotes dropped, schema dropped, lower case). */
function tableName(raw: string): string {
  const parts = raw.split('.').map((part) => part.replace(/"/g, '').trim().toLowerCase());
  return parts.at(-1) ?? '';
}

const NAME = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"[^"]+"|[A-Za-z_][\w$]*))?`;

/** Splits ALTER TABLE actions at commas outside parentheses and strings. */
function splitActions(actions: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  let quote: string | undefined;
  for (const char of actions) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const VOLATILE_FUNCTIONS = /\b(gen_random_uuid|uuid_generate_v[14]|uuidv[47]|random|clock_timestamp|timeofday|statement_timestamp|txid_current|nextval|gen_random_bytes)\s*\(/i;

/**
 * Checks one migration script. `earlier` holds the statements of migrations checked before it
 * (for the NOT NULL pattern spread over migrations).
 */
export function checkMigration(file: string, script: string, earlier: { validatedNotNull: Set<string> } = { validatedNotNull: new Set() }): Violation[] {
  const violations: Violation[] = [];
  const statements = splitStatements(script);
  const createdTables = new Set<string>();
  const createdIndexes = new Set<string>();
  const notNullChecks = new Map<string, string>(); // constraint name → table.column
  let lockTimeout = false;
  let lockTimeoutReported = false;
  let transactionBlock = statements.some((statement) => /^(BEGIN|START TRANSACTION)\b/i.test(statement.sql));

  for (const statement of statements) {
    const sql = statement.sql;
    const report = (rule: RuleName) => {
      if (statement.allowed.has(rule)) return;
      violations.push({ file, line: statement.line, rule, statement: sql.length > 160 ? `${sql.slice(0, 157)}…` : sql, advice: RULES[rule] });
    };
    /** A statement that locks an existing table needs lock_timeout set before it. */
    const locks = () => {
      if (lockTimeout || lockTimeoutReported) return;
      lockTimeoutReported = true;
      report('lock-timeout');
    };
    /** A foreign key to an existing table locks that table (SHARE ROW EXCLUSIVE) while it is added. */
    const referencesExisting = (text: string) =>
      [...text.matchAll(new RegExp(String.raw`\bREFERENCES\s+(${NAME})`, 'gi'))].some((reference) => !createdTables.has(tableName(reference[1]!)));
    let match: RegExpExecArray | null;

    if (/^SET\s+(SESSION\s+)?lock_timeout\b/i.test(sql)) {
      lockTimeout = true;
      continue;
    }
    if (/^(COMMIT|END|ROLLBACK)\b/i.test(sql)) transactionBlock = false;

    if ((match = new RegExp(String.raw`^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${NAME})`, 'i').exec(sql))) {
      createdTables.add(tableName(match[1]!));
      if (referencesExisting(sql)) locks();
      continue;
    }
    if ((match = new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${NAME}\s+)?ON\s+(?:ONLY\s+)?(${NAME})`, 'i').exec(sql))) {
      if (match[2]) createdIndexes.add(tableName(match[2]));
      if (match[1] && transactionBlock) report('concurrently-in-transaction');
      if (!match[1] && !createdTables.has(tableName(match[3]!))) report('create-index-without-concurrently');
      continue;
    }
    if ((match = new RegExp(String.raw`^DROP\s+INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(${NAME})`, 'i').exec(sql))) {
      if (match[1] && transactionBlock) report('concurrently-in-transaction');
      if (!match[1] && !createdIndexes.has(tableName(match[2]!))) report('drop-index-without-concurrently');
      continue;
    }
    if (/^REINDEX\b/i.test(sql)) {
      if (!/\bCONCURRENTLY\b/i.test(sql)) report('reindex-without-concurrently');
      continue;
    }
    if ((match = new RegExp(String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(${NAME})`, 'i').exec(sql))) {
      if (!createdTables.has(tableName(match[1]!))) {
        report('drop-table');
        locks();
      }
      continue;
    }
    if (/^(VACUUM\s+(\(\s*)?FULL|CLUSTER|TRUNCATE|LOCK(\s+TABLE)?)\b/i.test(sql)) {
      report('table-rewrite-or-lock');
      continue;
    }
    if ((match = new RegExp(String.raw`^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER|DROP\s+TRIGGER)\b.*?\bON\s+(${NAME})`, 'i').exec(sql))) {
      if (!createdTables.has(tableName(match[1]!))) locks();
      continue;
    }
    if ((match = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${NAME})\s+(.*)$`, 'i').exec(sql))) {
      const table = tableName(match[1]!);
      if (createdTables.has(table)) {
        if (referencesExisting(match[2]!)) locks();
        continue;
      }
      const actions = splitActions(match[2]!);
      // Only VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE) leaves reads and writes alone.
      if (!actions.every((action) => /^VALIDATE\s+CONSTRAINT\b/i.test(action))) locks();
      for (const action of actions) {
        let part: RegExpExecArray | null;
        if (/^RENAME\b/i.test(action)) report('rename');
        else if (/^DROP\s+(COLUMN\s+)?(?!CONSTRAINT\b|DEFAULT\b|NOT\s+NULL\b)/i.test(action)) report('drop-column');
        else if ((part = /^ADD\s+(?:COLUMN\s+)?(?!CONSTRAINT\b|CHECK\b|FOREIGN\b|UNIQUE\b|PRIMARY\b|EXCLUDE\b)(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|\S+)\s+(.*)$/i.exec(action))) {
          const definition = part[2]!;
          const defaultExpression = /\bDEFAULT\b(.*)$/i.exec(definition)?.[1] ?? '';
          if (/^(small|big)?serial\b|^serial[248]\b/i.test(definition) || /\bGENERATED\b.*\b(IDENTITY|STORED)\b/i.test(definition)) report('add-column-rewrite');
          else if (VOLATILE_FUNCTIONS.test(defaultExpression)) report('add-column-volatile-default');
          if (/\bNOT\s+NULL\b/i.test(definition) && !/\bDEFAULT\b/i.test(definition)) report('add-column-not-null-without-default');
          if (/\bREFERENCES\b/i.test(definition)) report('constraint-without-not-valid');
          if (/\b(UNIQUE|PRIMARY\s+KEY)\b/i.test(definition)) report('unique-without-index');
        } else if ((part = /^ADD\s+(?:CONSTRAINT\s+("[^"]+"|\S+)\s+)?(CHECK|FOREIGN\s+KEY|UNIQUE|PRIMARY\s+KEY|EXCLUDE)\b(.*)$/i.exec(action))) {
          const kind = part[2]!.toUpperCase();
          const rest = part[3]!;
          if (kind === 'CHECK' || kind.startsWith('FOREIGN')) {
            if (!/\bNOT\s+VALID\b/i.test(rest)) report('constraint-without-not-valid');
            const column = /^\s*\(\s*("[^"]+"|\w+)\s+IS\s+NOT\s+NULL\s*\)/i.exec(rest)?.[1];
            if (kind === 'CHECK' && column && part[1]) notNullChecks.set(tableName(part[1]), `${table}.${tableName(column)}`);
          } else if (!/\bUSING\s+INDEX\b/i.test(rest)) report('unique-without-index');
        } else if ((part = /^VALIDATE\s+CONSTRAINT\s+("[^"]+"|\S+)/i.exec(action))) {
          const target = notNullChecks.get(tableName(part[1]!));
          if (target) earlier.validatedNotNull.add(target);
        } else if ((part = /^ALTER\s+(?:COLUMN\s+)?("[^"]+"|\S+)\s+(.*)$/i.exec(action))) {
          const column = tableName(part[1]!);
          if (/^(SET\s+DATA\s+)?TYPE\b/i.test(part[2]!)) report('alter-column-type');
          else if (/^SET\s+NOT\s+NULL\b/i.test(part[2]!) && !earlier.validatedNotNull.has(`${table}.${column}`)) report('set-not-null');
        }
      }
    }
  }
  return violations;
}

export interface MigrationFile {
  /** Directory name, e.g. 20261123185418_account_deletion_and_export. */
  name: string;
  script: string;
}

/**
 * Checks every migration not in `grandfathered`, in order. NOT NULL checks validated by an earlier
 * migration count for later ones.
 */
export function checkMigrations(migrations: MigrationFile[], grandfathered: ReadonlySet<string>): { checked: string[]; violations: Violation[] } {
  const earlier = { validatedNotNull: new Set<string>() };
  const checked: string[] = [];
  const violations: Violation[] = [];
  for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    if (grandfathered.has(migration.name)) continue;
    checked.push(migration.name);
    violations.push(...checkMigration(`${migration.name}/migration.sql`, migration.script, earlier));
  }
  return { checked, violations };
}
