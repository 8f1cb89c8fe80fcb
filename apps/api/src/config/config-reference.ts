// The configuration reference in docs/operations.md, generated from EnvSchema itself (descriptions,
// defaults, allowed values) and ENV_RULES (what is required when), so it cannot drift from the code.
// `npm run config:docs` writes it; config-reference.spec.ts fails when the file is stale.
import { z } from 'zod';
import { ENV_REQUIREMENTS, EnvSchema } from './env.js';

/** One environment variable as the reference shows it. */
export interface ConfigVariable {
  name: string;
  description: string;
  /** The default as it would be written in the environment; undefined when there is none. */
  default: string | undefined;
  /** May be left unset without a default (the code then decides, as the description says). */
  optional: boolean;
  /** The values accepted, in words (`local`, `s3`; integer ≥ 0…). */
  values: string;
  /** When the variable is required or constrained beyond its type (ENV_RULES), in words. */
  requirement: string | undefined;
}

const BEGIN = '<!-- BEGIN GENERATED: configuration reference';
const END = '<!-- END GENERATED: configuration reference -->';
const BEGIN_MARKER = `${BEGIN} (from EnvSchema in apps/api/src/config/env.ts by \`npm run config:docs\`; do not edit by hand, a test fails when it is stale) -->`;
const GENERATED_SECTION = new RegExp(`${escapeRegExp(BEGIN)}[\\s\\S]*?${escapeRegExp(END)}`);

/** The fields of zod 4 check definitions this renderer reads. */
interface CheckDef {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}

/** Every variable of `schema` (a zod object of environment variables), in declaration order. */
export function describeVariables(schema: z.ZodObject = EnvSchema, requirements: Partial<Record<string, string>> = ENV_REQUIREMENTS): ConfigVariable[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    let inner: z.core.$ZodType = field;
    let defaultValue: unknown;
    let optional = false;
    for (;;) {
      if (inner instanceof z.ZodDefault) {
        defaultValue = inner.def.defaultValue;
        inner = inner.def.innerType;
      } else if (inner instanceof z.ZodOptional) {
        optional = true;
        inner = inner.def.innerType;
      } else break;
    }
    return {
      name,
      description: field.description ?? '',
      default: defaultValue === undefined ? undefined : String(defaultValue),
      optional: optional && defaultValue === undefined,
      values: describeValues(inner),
      requirement: requirements[name],
    };
  });
}

/** The values a schema accepts, in words. */
function describeValues(schema: z.core.$ZodType): string {
  if (schema instanceof z.ZodPipe) return describeValues(schema.def.in);
  if (schema instanceof z.ZodEnum) {
    const options = schema.options.map(String);
    const booleans = ['true', 'false', '1', '0'];
    if (options.length === booleans.length && booleans.every((value) => options.includes(value))) return 'boolean: `true` or `1`, `false` or `0`';
    return options.map((option) => `\`${option}\``).join(', ');
  }
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def as CheckDef);
  if (def.type === 'number') {
    const integer = checks.some((check) => check.check === 'number_format' && /int/.test(check.format ?? ''));
    const lower = checks.find((check) => check.check === 'greater_than');
    const upper = checks.find((check) => check.check === 'less_than');
    const kind = integer ? 'integer' : 'number';
    if (lower?.inclusive && upper?.inclusive) return `${kind} ${String(lower.value)}–${String(upper.value)}`;
    const bounds = [lower && `${lower.inclusive ? '≥' : '>'} ${String(lower.value)}`, upper && `${upper.inclusive ? '≤' : '<'} ${String(upper.value)}`];
    return [kind, ...bounds.filter(Boolean)].join(' ');
  }
  if (def.type === 'string') {
    const format = 'format' in def ? String(def.format) : undefined;
    if (format === 'url') return 'URL';
    if (format === 'email') return 'e-mail address';
    const parts: string[] = [];
    const min = checks.find((check) => check.check === 'min_length')?.minimum;
    const max = checks.find((check) => check.check === 'max_length')?.maximum;
    if (min !== undefined && max !== undefined) parts.push(`${min}–${max} characters`);
    else if (min !== undefined) parts.push(min === 1 ? 'non-empty text' : `at least ${min} characters`);
    else if (max !== undefined) parts.push(`at most ${max} characters`);
    for (const check of checks) if (check.check === 'string_format' && check.pattern) parts.push(`matching \`${check.pattern.source}\``);
    return parts.length > 0 ? parts.join(', ') : 'text';
  }
  return def.type;
}

/** A cell of a Markdown table: pipes escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function formatDefault(variable: ConfigVariable): string {
  if (variable.default === undefined) return variable.optional ? 'unset (optional)' : '—';
  return variable.default === '' ? 'empty' : `\`${variable.default}\``;
}

/** The generated section, markers included: the intro, the rules and the table. */
export function renderConfigReference(variables: ConfigVariable[] = describeVariables()): string {
  const ruleLines = variables.flatMap((variable) => (variable.requirement ? [`- \`${variable.name}\`: ${variable.requirement}.`] : []));
  const rows = variables.map((variable) =>
    `| \`${variable.name}\` | ${cell(formatDefault(variable))} | ${cell(variable.values)} | ${cell(variable.requirement ?? 'no')} | ${cell(variable.description)} |`,
  );
  return [
    BEGIN_MARKER,
    '',
    '## Configuration reference',
    '',
    'Lesplein is configured through environment variables only. They are read and validated once, at',
    'start, against one zod schema (`EnvSchema` in `apps/api/src/config/env.ts`); nothing else reads',
    '`process.env`, and the rest of the code receives the parsed settings. A value that does not fit',
    '(a port that is not a number, a secret shorter than 32 characters…) stops the start with an error',
    'that names every invalid variable, rather than a failure later.',
    '',
    'Every variable has a default or may be left unset, so a development machine needs none of them.',
    'The rules below are checked at the same time; with `NODE_ENV=production` the platform refuses to',
    'start with unsafe settings (the development secret, plain http, no mail server) rather than run',
    'with them:',
    '',
    ...ruleLines,
    '',
    '| variable | default | values | required | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/**
 * docs/operations.md with its generated section brought up to date. Only the text between the
 * markers is replaced; a file without them gets the section appended, and a missing file is
 * created with a title and the section.
 */
export function updateOperationsDoc(current: string | undefined, section: string = renderConfigReference()): string {
  if (current === undefined) return `# Operations\n\n${section}\n`;
  if (GENERATED_SECTION.test(current)) return current.replace(GENERATED_SECTION, () => section);
  if (current.includes(BEGIN) || current.includes(END)) {
    throw new Error('docs/operations.md has only one of the configuration reference markers; restore both (BEGIN before END)');
  }
  return `${current.trimEnd()}\n\n${section}\n`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
