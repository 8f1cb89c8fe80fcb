import { z } from 'zod';
import { ValidationFailed } from '../../../core/errors/domain-error.js';

const badCursor = () => ValidationFailed([{ path: 'cursor', message: 'Onbekende cursor / Unknown cursor' }], 'The cursor does not belong to this search; start again without it.');

/** Opaque cursors: base64url JSON, checked against a schema when read back (never trusted). */
export function encodeSearchCursor(payload: object): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeSearchCursor<T extends z.ZodType>(cursor: string, schema: T): z.output<T> {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}
