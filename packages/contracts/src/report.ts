import { z } from 'zod';
import { MemberCard } from './follow.js';

export const ReportTarget = z.enum(['resource', 'comment', 'member', 'message']);
export type ReportTarget = z.infer<typeof ReportTarget>;

export const ReportCategory = z.enum(['spam', 'copyright', 'inappropriate', 'harassment', 'privacy', 'other']);
export type ReportCategory = z.infer<typeof ReportCategory>;

export const CreateReportRequest = z.strictObject({
  targetType: ReportTarget,
  /** What kind of problem; "other" when the reporter does not choose. */
  category: ReportCategory.default('other'),
  /** The resource, comment or message id; for a member, their handle. */
  target: z.string().min(1).max(60),
  reason: z.string().trim().min(5).max(2000),
});
export type CreateReportRequest = z.input<typeof CreateReportRequest>;

export const ReportView = z.object({
  id: z.uuid(),
  targetType: ReportTarget,
  targetId: z.uuid(),
  reason: z.string(),
  category: ReportCategory,
  status: z.enum(['open', 'dismissed', 'actioned']),
  reporter: MemberCard.nullable(),
  assignedTo: MemberCard.nullable(),
  decisionId: z.uuid().nullable(),
  /**
   * Where moderators find the target: the resource (the target itself, or a comment's resource)
   * and the member (the reported member, or a message's sender); null when gone.
   */
  context: z.object({ resourceId: z.uuid().nullable(), memberHandle: z.string().nullable() }),
  createdAt: z.iso.datetime(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportCreated = z.object({ id: z.uuid(), status: z.literal('open') });
export type ReportCreated = z.infer<typeof ReportCreated>;

export const ReportQueue = z.object({ items: z.array(ReportView), nextCursor: z.string().nullable() });
export type ReportQueue = z.infer<typeof ReportQueue>;
