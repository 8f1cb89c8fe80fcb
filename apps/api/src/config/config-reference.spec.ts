import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeVariables, renderConfigReference, updateOperationsDoc } from './config-reference.js';
import { EnvSchema } from './env.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const operationsDoc = path.resolve(here, '..', '..', '..', '..', 'docs', 'operations.md');

describe('the configuration reference generated from EnvSchema', () => {
  const variables = describeVariables();
  const row = (name: string) => variables.find((variable) => variable.name === name);

  it('docs/operations.md is up to date (run npm run config:docs)', () => {
    const current = fs.existsSync(operationsDoc) ? fs.readFileSync(operationsDoc, 'utf8') : undefined;
    expect(current, 'docs/operations.md is stale: run npm run config:docs').toBe(updateOperationsDoc(current));
  });

  it('lists every variable of the schema once, each with a description', () => {
    expect(variables.map((variable) => variable.name)).toEqual(Object.keys(EnvSchema.shape));
    for (const variable of variables) expect(variable.description, variable.name).not.toBe('');
  });

  it('shows defaults, allowed values and the production rules', () => {
    expect(row('PORT')).toMatchObject({ default: '3000', optional: false, values: 'integer 0–65535', requirement: undefined });
    expect(row('STORAGE_DRIVER')).toMatchObject({ default: 'local', values: '`local`, `s3`' });
    expect(row('SMTP_URL')).toMatchObject({ default: undefined, optional: true, requirement: 'required in production' });
    expect(row('S3_BUCKET')?.requirement).toBe('required when STORAGE_DRIVER=s3');
    expect(row('SEED_DEMO')?.default).toBe('true');
    const reference = renderConfigReference(variables);
    expect(reference).toContain('| `PORT` | `3000` | integer 0–65535 | no |');
    expect(reference).toContain('| `STORAGE_DRIVER` | `local` | `local`, `s3` | no |');
    expect(reference).toContain('| `SMTP_URL` | unset (optional) | text | required in production |');
    expect(reference).toContain('- `APP_SECRET`: must differ from the development default in production.');
  });

  it('reads defaults and constraints from the schema it is given', () => {
    const schema = z.object({
      LIMIT: z.coerce.number().int().positive().default(7).describe('A limit | with a pipe.'),
      MODE: z.enum(['a', 'b']).optional().describe('A mode.'),
    });
    expect(describeVariables(schema, { MODE: 'required on Sundays' })).toEqual([
      { name: 'LIMIT', description: 'A limit | with a pipe.', default: '7', optional: false, values: 'integer > 0', requirement: undefined },
      { name: 'MODE', description: 'A mode.', default: undefined, optional: true, values: '`a`, `b`', requirement: 'required on Sundays' },
    ]);
    expect(renderConfigReference(describeVariables(schema, {}))).toContain('| `LIMIT` | `7` | integer > 0 | no | A limit \\| with a pipe. |');
  });
});

describe('updateOperationsDoc', () => {
  const section = renderConfigReference();

  it('creates the file with a title and the generated section', () => {
    const created = updateOperationsDoc(undefined, section);
    expect(created).toBe(`# Operations\n\n${section}\n`);
    expect(created).toMatch(/<!-- BEGIN GENERATED: configuration reference .*npm run config:docs/);
    expect(updateOperationsDoc(created, section)).toBe(created);
  });

  it('replaces only the text between the markers', () => {
    const before = '# Operations\n\n## Deployment\n\nHand-written.\n\n';
    const after = '\n\n## Backups\n\nAlso hand-written.\n';
    const stale = `${before}${section.replace('| `PORT` | `3000`', '| `PORT` | `8080`')}${after}`;
    expect(updateOperationsDoc(stale, section)).toBe(`${before}${section}${after}`);
  });

  it('appends the section to a file without markers and refuses a file with only one', () => {
    expect(updateOperationsDoc('# Operations\n\nHand-written.\n', section)).toBe(`# Operations\n\nHand-written.\n\n${section}\n`);
    const beginOnly = section.slice(0, section.indexOf('<!-- END'));
    expect(() => updateOperationsDoc(`# Operations\n\n${beginOnly}`, section)).toThrow(/markers/);
  });
});
