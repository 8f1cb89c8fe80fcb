import { z } from 'zod';

/** Filters of the admins' view of the logbook; newest first. */
export const AuditQuery = z.strictObject({
  /** An action or an action prefix, e.g. "partner." */
  action: z.string().trim().regex(/^[a-z_.]{1,60}$/, 'Letters, _ en . / Letters, _ and .').optional(),
  actorId: z.uuid().optional(),
  targetType: z.string().trim().regex(/^[a-z_]{1,40}$/).optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  seq: z.string(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
