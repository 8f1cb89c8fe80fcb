import { z } from 'zod';
import { Email } from './auth.js';

/** What a request is about: a right (restriction, objection, rectification), a question to the data protection officer, or general feedback. */
export const PrivacyRequestKind = z.enum(['restriction', 'objection', 'rectification', 'question', 'feedback']);
export type PrivacyRequestKind = z.infer<typeof PrivacyRequestKind>;

export const PrivacyRequestStatus = z.enum(['open', 'in_progress', 'answered', 'rejected']);
export type PrivacyRequestStatus = z.infer<typeof PrivacyRequestStatus>;

/**
 * A new request. Signed in, the member's own address is used (and `email` must be left out);
 * signed out, `email` is required so the outcome can be sent.
 */
export const NewPrivacyRequest = z.strictObject({
  kind: PrivacyRequestKind,
  message: z.string().trim().min(10).max(5000),
  email: Email.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(['nl', 'en']).default('nl'),
});
export type NewPrivacyRequest = z.input<typeof NewPrivacyRequest>;

/** The requester's receipt: what was filed and by when it will be answered. */
export const PrivacyRequestReceipt = z.object({
  id: z.uuid(),
  kind: PrivacyRequestKind,
  receivedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
});
export type PrivacyRequestReceipt = z.infer<typeof PrivacyRequestReceipt>;

/** A member's own request, with the answer once given. */
export const MyPrivacyRequest = PrivacyRequestReceipt.extend({
  status: PrivacyRequestStatus,
  message: z.string(),
  answer: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type MyPrivacyRequest = z.infer<typeof MyPrivacyRequest>;

export const MyPrivacyRequestList = z.object({ items: z.array(MyPrivacyRequest) });
export type MyPrivacyRequestList = z.infer<typeof MyPrivacyRequestList>;

const Person = z.object({ id: z.uuid(), handle: z.string(), displayName: z.string() });

/** A request as admins see it in the queue. */
export const AdminPrivacyRequest = MyPrivacyRequest.extend({
  email: z.string(),
  name: z.string().nullable(),
  /** The member who filed it, when filed signed in. */
  member: Person.nullable(),
  assignee: Person.nullable(),
  closedBy: Person.nullable(),
  /** Still open or in progress after its deadline. */
  overdue: z.boolean(),
});
export type AdminPrivacyRequest = z.infer<typeof AdminPrivacyRequest>;

export const AdminPrivacyRequestList = z.object({ items: z.array(AdminPrivacyRequest) });
export type AdminPrivacyRequestList = z.infer<typeof AdminPrivacyRequestList>;

export const AdminPrivacyRequestQuery = z.strictObject({
  status: PrivacyRequestStatus.optional(),
  kind: PrivacyRequestKind.optional(),
});
export type AdminPrivacyRequestQuery = z.infer<typeof AdminPrivacyRequestQuery>;

/** Assign a request to an admin (null: unassign). An open request becomes in progress. */
export const AssignPrivacyRequest = z.strictObject({ assigneeId: z.uuid().nullable() });
export type AssignPrivacyRequest = z.infer<typeof AssignPrivacyRequest>;

/** Close a request with the outcome, which is e-mailed to the requester. */
export const AnswerPrivacyRequest = z.strictObject({
  outcome: z.enum(['answered', 'rejected']),
  answer: z.string().trim().min(1).max(10_000),
});
export type AnswerPrivacyRequest = z.infer<typeof AnswerPrivacyRequest>;
