// Writes the configuration reference (every variable, its default and allowed values, and what is
// required in production) into docs/operations.md from EnvSchema, replacing only the text between
// its BEGIN/END markers. Usage: npm run config:docs (a test fails when the file is stale).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateOperationsDoc } from '../src/config/config-reference.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(apiDir, '..', '..', 'docs', 'operations.md');
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
const next = updateOperationsDoc(current);
if (next === current) {
  console.log('docs/operations.md is up to date');
} else {
  fs.writeFileSync(file, next);
  console.log(current === undefined ? 'Created docs/operations.md' : 'Updated the configuration reference in docs/operations.md');
}
