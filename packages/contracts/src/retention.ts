import { z } from 'zod';

/** One run of a retention job, as admins see it. */
export const RetentionRunView = z.object({
  id: z.string(),
  job: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  outcome: z.enum(['completed', 'failed']),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});
export type RetentionRunView = z.infer<typeof RetentionRunView>;

export const RetentionRunsQuery = z.strictObject({
  job: z.string().regex(/^[a-z][a-z.-]{1,60}$/, { message: 'Onbekende taak / Unknown job' }).optional(),
  cursor: z.string().regex(/^\d{1,19}$/, { message: 'Ongeldige cursor / Invalid cursor' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RetentionRunsQuery = z.infer<typeof RetentionRunsQuery>;

export const RetentionRunsPage = z.object({
  /** The last run of every retention job that ever ran. */
  latest: z.array(RetentionRunView),
  items: z.array(RetentionRunView),
  nextCursor: z.string().nullable(),
});
export type RetentionRunsPage = z.infer<typeof RetentionRunsPage>;
