import type { PiiAction, SchemaField } from './pii-inventory.js';

const ACTIONS: Record<PiiAction, string> = {
  erase: 'erased with the account',
  anonymise: 'kept without the member (anonymised)',
  detach: 'kept, the link to the member removed',
  retain: 'kept on purpose',
};

const HEADER = '<!-- Generated from the @pii tags in apps/api/prisma by `npm run privacy:docs`; do not edit by hand. -->';
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The data inventory: every tagged field of every model, with what account deletion does to it,
 * its purpose, legal basis and retention.
 */
export function renderDataInventory(fields: readonly SchemaField[]): string {
  const tagged = fields.filter((field) => field.pii);
  const models = [...new Set(tagged.map((field) => field.model))].sort();
  const lines = [
    HEADER,
    '',
    '# Data inventory',
    '',
    'Every field of the database that holds personal data or links to a member, as tagged in the',
    'Prisma schema (`/// @pii <action> purpose=… basis=… retention=…`, see docs/CONVENTIONS.md). A',
    'test fails when such a field has no tag, and another when this file is stale.',
    '',
    `${tagged.length} fields in ${models.length} models.`,
  ];
  for (const model of models) {
    lines.push('', `## ${model}`, '', '| field | at account deletion | purpose | legal basis | retention |', '| --- | --- | --- | --- | --- |');
    for (const field of tagged.filter((entry) => entry.model === model)) {
      const pii = field.pii!;
      lines.push(`| \`${field.name}\` | ${ACTIONS[pii.action]} | ${cell(pii.purpose)} | ${cell(pii.basis)} | ${cell(pii.retention)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The processing register (GDPR art. 30): the purposes, each with its legal basis, the data
 * (fields) it uses, retention and recipients.
 */
export function renderProcessingRegister(fields: readonly SchemaField[]): string {
  const tagged = fields.filter((field) => field.pii);
  const groups = new Map<string, SchemaField[]>();
  for (const field of tagged) {
    const key = `${field.pii!.purpose}\u0000${field.pii!.basis}`;
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  const purposes = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'));
  const lines = [
    HEADER,
    '',
    '# Processing register',
    '',
    'The purposes for which the platform processes personal data, with their legal basis, the data',
    'used, how long it is kept and who receives it. Recipients: the operator\'s sub-processors',
    '(hosting, e-mail, storage; listed publicly at `/sub-processors`) for every purpose; partners',
    '(publishers) only for the categories a member consented to (name, e-mail address, school and',
    'role, subjects and levels; listed at `/partners`).',
    '',
    '| purpose | legal basis | data | retention |',
    '| --- | --- | --- | --- |',
  ];
  for (const [, entries] of purposes) {
    const first = entries[0]!.pii!;
    const data = entries.map((field) => `${field.model}.${field.name}`).join(', ');
    const retention = [...new Set(entries.map((field) => field.pii!.retention))].join('; ');
    lines.push(`| ${cell(first.purpose)} | ${cell(first.basis)} | ${cell(data)} | ${cell(retention)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export const PRIVACY_DOCS = { 'data-inventory.md': renderDataInventory, 'processing-register.md': renderProcessingRegister } as const;
