/**
 * Form validation helpers shared by every form: client-side checks with the contract schemas
 * and translation of API problems into a form-level message plus per-field messages.
 */
import i18next from 'i18next';
import type { z } from 'zod';
import type { Problem } from '@lesplein/contracts/common';
import { isApiError } from './api-client';
import { ProblemCode } from './problem-codes';

export type FieldErrors = Record<string, string>;

type Translate = (key: string, options?: Record<string, unknown>) => string;
const translate: Translate = (key, options) => (i18next.t as unknown as Translate)(key, options);

function language(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'nl';
}

/**
 * Contract messages are written "Nederlands / English"; show the half for the current language.
 * Messages without the separator are returned unchanged.
 */
export function pickLanguage(message: string, lang: string = language()): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return (lang === 'en' ? parts[1] : parts[0])!.trim();
}

function isBilingual(message: string | undefined): message is string {
  return typeof message === 'string' && message.split(' / ').length === 2;
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One translated message for a zod issue. `value` is the input at the issue's path. */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (isEmpty(value) && issue.code !== 'too_big') return translate('validation.required');
  if (isBilingual(issue.message)) return pickLanguage(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return translate('validation.chooseAtLeast', { count: Number(issue.minimum) });
      return translate('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return translate('validation.chooseAtMost', { count: Number(issue.maximum) });
      return translate('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return translate('validation.email');
      if (issue.format === 'url') return translate('validation.url');
      if (issue.format === 'date') return translate('validation.date');
      return translate('validation.invalid');
    case 'invalid_value':
      return translate('validation.choose');
    default:
      return translate('validation.invalid');
  }
}

/**
 * Field key of a zod issue path or an API error path: ["visibility", "school"] or
 * "visibility.school" → "visibility.school". The API reports dotted paths inside the request
 * body without a `body` prefix (core/validation/zod.ts), so a leading `body` is a field of
 * that name (a comment's or message's `body`), never the request body itself.
 */
export function fieldKey(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.').filter(Boolean) : path.map(String);
  return parts.join('.');
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/** Validates `values` with a contract schema; the first message per field wins. */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path) || '_form';
    fieldErrors[key] ??= issueMessage(issue, valueAt(values, issue.path));
  }
  return { success: false, fieldErrors };
}

/** The translated message for a problem: by code when known, else the API's own words. */
export function problemMessage(problem: Problem): string {
  if (problem.code === ProblemCode.rateLimited) {
    return problem.retryAfterSeconds !== undefined
      ? translate('problem.rate_limited', { count: problem.retryAfterSeconds })
      : translate('problem.rate_limited_later');
  }
  const key = `problem.${problem.code}`;
  if (i18next.exists(key)) return translate(key);
  if (problem.detail) return pickLanguage(problem.detail);
  if (problem.status >= 500) return translate('problem.internal_error');
  return pickLanguage(problem.title);
}

export interface DescribedProblem {
  /** Message for the form's alert, or null when every error has a field of its own. */
  formError: string | null;
  fieldErrors: FieldErrors;
}

export interface DescribeOptions {
  /** Field names the form shows; API errors for other paths go to the alert. */
  fields?: readonly string[];
  /**
   * Problem codes that are about one field, e.g. `{ weak_password: 'password' }`. The
   * message then stands next to that field instead of in the alert, and the API's field
   * errors for paths the form does not show are taken to be about the same thing.
   */
  codeToField?: Partial<Record<string, string>>;
  /** Wording for a code that fits this form better than the general one. */
  messages?: Partial<Record<string, string>>;
}

/** Splits any thrown error into an alert message and per-field messages. */
export function describeProblem(error: unknown, options: DescribeOptions = {}): DescribedProblem {
  if (!isApiError(error)) return { formError: translate('problem.unknown'), fieldErrors: {} };
  const problem = error.problem;
  const fields = new Set(options.fields ?? []);
  const fieldErrors: FieldErrors = {};
  const unmatched: string[] = [];
  for (const item of problem.errors ?? []) {
    const key = fieldKey(item.path);
    const head = key.split('.')[0] ?? '';
    const target = fields.has(key) ? key : fields.has(head) ? head : null;
    const message = pickLanguage(item.message);
    if (target) fieldErrors[target] ??= message;
    else unmatched.push(message);
  }
  const message = options.messages?.[problem.code] ?? problemMessage(problem);
  const codeField = options.codeToField?.[problem.code];
  if (codeField && fields.has(codeField)) {
    fieldErrors[codeField] = message;
    return { formError: null, fieldErrors };
  }
  if (Object.keys(fieldErrors).length > 0 && unmatched.length === 0 && problem.code === ProblemCode.validation) {
    return { formError: translate('problem.check_fields'), fieldErrors };
  }
  return { formError: unmatched.length ? `${message} ${unmatched.join(' ')}` : message, fieldErrors };
}

/** True for errors a retry cannot fix (4xx), so queries do not retry them. */
export function isClientError(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}
