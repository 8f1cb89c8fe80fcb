import { z } from 'zod';
import { MemberCard } from './follow.js';
import { ReportCategory, ReportTarget } from './report.js';

/** The moderators' queue of reports: filter, sort, page. */
export const ModerationQueueQuery = z.strictObject({
  status: z.enum(['open', 'dismissed', 'actioned']).default('open'),
  targetType: ReportTarget.optional(),
  category: ReportCategory.optional(),
  assigned: z.enum(['any', 'me', 'none']).default('any'),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ModerationQueueQuery = z.infer<typeof ModerationQueueQuery>;

export const AssignReportRequest = z.strictObject({ assignToMe: z.boolean() });
export type AssignReportRequest = z.infer<typeof AssignReportRequest>;

export const BulkReportRequest = z.strictObject({
  reportIds: z.array(z.uuid()).min(1).max(100),
  action: z.enum(['dismiss', 'assign_to_me', 'unassign']),
});
export type BulkReportRequest = z.infer<typeof BulkReportRequest>;

export const BulkReportResult = z.object({ updated: z.number().int() });
export type BulkReportResult = z.infer<typeof BulkReportResult>;

export const ModerationActionType = z.enum(['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban', 'approve', 'reject']);
export type ModerationActionType = z.infer<typeof ModerationActionType>;

/**
 * A moderator's decision. Every action except dismiss sends the member concerned a statement of
 * reasons (facts, the rule applied, how to appeal).
 */
export const DecisionRequest = z
  .strictObject({
    targetType: ReportTarget,
    targetId: z.uuid(),
    action: z.enum(['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban']),
    /** The statement of reasons shown to the member concerned. */
    reasons: z.string().trim().min(10).max(4000),
    /** The rule of the terms of use (or the law) the decision rests on. */
    ground: z.string().trim().min(3).max(300),
    /** Days of suspension (only with action suspend). */
    suspendDays: z.number().int().min(1).max(365).optional(),
    /** The reports this decision closes (all open reports on the target when left out). */
    reportIds: z.array(z.uuid()).max(100).optional(),
  })
  .refine((value) => (value.action === 'suspend') === (value.suspendDays !== undefined), { message: 'suspendDays hoort bij suspend / suspendDays goes with suspend', path: ['suspendDays'] });
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const AppealView = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'upheld', 'overturned']),
  text: z.string(),
  outcome: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type AppealView = z.infer<typeof AppealView>;

export const DecisionView = z.object({
  id: z.uuid(),
  targetType: ReportTarget,
  targetId: z.uuid(),
  action: ModerationActionType,
  reasons: z.string(),
  ground: z.string(),
  suspendedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  appeal: AppealView.nullable(),
  /** The member concerned may still appeal (once, while no appeal exists). */
  canAppeal: z.boolean(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const DecisionList = z.object({ items: z.array(DecisionView), nextCursor: z.string().nullable() });
export type DecisionList = z.infer<typeof DecisionList>;

export const AppealRequest = z.strictObject({ text: z.string().trim().min(10).max(4000) });
export type AppealRequest = z.infer<typeof AppealRequest>;

/** An appeal from the link in the statement of reasons (a suspended member cannot log in). */
export const AppealWithTokenRequest = z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/, 'Ongeldige link / Invalid link'), text: AppealRequest.shape.text });
export type AppealWithTokenRequest = z.infer<typeof AppealWithTokenRequest>;

export const ReviewOutcome = z.object({ state: z.enum(['published', 'rejected']) });
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const AppealDecisionRequest = z.strictObject({
  outcome: z.enum(['upheld', 'overturned']),
  text: z.string().trim().min(10).max(4000),
});
export type AppealDecisionRequest = z.infer<typeof AppealDecisionRequest>;

export const AppealQueueItem = z.object({
  appeal: AppealView,
  decision: DecisionView,
  member: MemberCard.nullable(),
  decidedBy: MemberCard.nullable(),
});
export type AppealQueueItem = z.infer<typeof AppealQueueItem>;

export const AppealQueue = z.object({ items: z.array(AppealQueueItem), nextCursor: z.string().nullable() });
export type AppealQueue = z.infer<typeof AppealQueue>;

/** Pre-moderation: off, every new resource, or the first N resources of each member. */
export const PreModerationSettings = z.strictObject({
  mode: z.enum(['off', 'all', 'first_n']),
  firstN: z.number().int().min(1).max(100).default(3),
});
export type PreModerationSettings = z.infer<typeof PreModerationSettings>;

export const ReviewQueueItem = z.object({
  resourceId: z.uuid(),
  title: z.string(),
  author: MemberCard.nullable(),
  submittedAt: z.iso.datetime(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ReviewQueue = z.object({ items: z.array(ReviewQueueItem), nextCursor: z.string().nullable() });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ReviewDecisionRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('reject'), reasons: z.string().trim().min(10).max(4000), ground: z.string().trim().min(3).max(300) }),
]);
export type ReviewDecisionRequest = z.infer<typeof ReviewDecisionRequest>;
