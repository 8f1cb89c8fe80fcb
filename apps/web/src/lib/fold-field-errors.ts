import type { FieldErrors } from './form';

/**
 * Puts each error on a field the form shows: "redirectUris.1" belongs to the redirectUris box,
 * "notice.subProcessors.0" to notice.subProcessors. The most specific field wins; the first
 * message per field is kept. Errors for paths no field covers are returned separately, for the
 * form's alert.
 */
export function foldFieldErrors(errors: FieldErrors, fields: readonly string[]): { fieldErrors: FieldErrors; rest: string[] } {
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const fieldErrors: FieldErrors = {};
  const rest: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const field = byLength.find((name) => key === name || key.startsWith(`${name}.`));
    if (field) fieldErrors[field] ??= message;
    else if (!rest.includes(message)) rest.push(message);
  }
  return { fieldErrors, rest };
}
