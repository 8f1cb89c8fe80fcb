import type { MyDataField } from '@lesplein/contracts/my-data';

/** What account deletion does to a field, in the order the page explains them. */
export const DELETION_ACTIONS: readonly MyDataField['atDeletion'][] = ['erase', 'anonymise', 'detach', 'retain'];

/**
 * The human name of a kind of record (a database model such as `Member` or `Favourite`), from
 * the `myData.models` labels; a model without a label (one added to the schema later) shows
 * under its own name rather than a missing-translation key.
 */
export function modelLabel(labels: Readonly<Record<string, unknown>>, model: string): string {
  const label = Object.hasOwn(labels, model) ? labels[model] : undefined;
  return typeof label === 'string' && label.trim() !== '' ? label : model;
}

/** The models of a Prisma schema source that carry at least one `/// @pii` tag: those the "my data" answer can list. */
export function piiModels(schemaSource: string): string[] {
  const models: string[] = [];
  for (const match of schemaSource.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    if (/^\s*\/\/\/\s*@pii\s/m.test(match[2]!)) models.push(match[1]!);
  }
  return models;
}
