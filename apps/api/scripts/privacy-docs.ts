// Writes docs/privacy/ (data inventory and processing register) from the @pii tags of the Prisma
// schema. Usage: npm run privacy:docs (a test fails when the files are stale).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInventory } from '../src/core/privacy/pii-inventory.js';
import { PRIVACY_DOCS } from '../src/core/privacy/privacy-docs.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(apiDir, '..', '..', 'docs', 'privacy');
const fields = readInventory(path.join(apiDir, 'prisma'));
fs.mkdirSync(outDir, { recursive: true });
for (const [file, render] of Object.entries(PRIVACY_DOCS)) {
  fs.writeFileSync(path.join(outDir, file), render(fields));
  console.log(`Wrote docs/privacy/${file}`);
}
