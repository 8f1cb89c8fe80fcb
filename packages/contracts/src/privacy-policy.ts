import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A new version of the privacy statement, as an admin publishes it: the statement in Markdown
 * (Dutch and English), what changed, and whether the change is substantial (then every member
 * must accept it at their next log-in). Published at once; a version never changes afterwards.
 */
export const PublishPolicyVersion = z.strictObject({
  textNl: Text(100_000),
  textEn: Text(100_000),
  summaryNl: Text(2000),
  summaryEn: Text(2000),
  substantial: z.boolean(),
});
export type PublishPolicyVersion = z.infer<typeof PublishPolicyVersion>;

/** A version without its text: for lists and "what changed". */
export const PolicyVersionSummary = z.object({
  version: z.number().int().min(1),
  substantial: z.boolean(),
  summaryNl: z.string(),
  summaryEn: z.string(),
  publishedAt: z.iso.datetime(),
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummary>;

/** A whole version, its Markdown rendered to safe HTML by the API. */
export const PolicyVersionView = PolicyVersionSummary.extend({
  htmlNl: z.string(),
  htmlEn: z.string(),
});
export type PolicyVersionView = z.infer<typeof PolicyVersionView>;

/** GET /api/privacy-policy: the current version and every version, newest first. */
export const PrivacyPolicyPage = z.object({
  current: PolicyVersionView.nullable(),
  versions: z.array(PolicyVersionSummary),
});
export type PrivacyPolicyPage = z.infer<typeof PrivacyPolicyPage>;

export const PolicyVersionParam = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) });
export type PolicyVersionParam = z.infer<typeof PolicyVersionParam>;

/** An admin's view of a version: the Markdown sources and how many members accepted it. */
export const AdminPolicyVersion = PolicyVersionSummary.extend({
  textNl: z.string(),
  textEn: z.string(),
  acceptances: z.number().int().min(0),
  publishedBy: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
});
export type AdminPolicyVersion = z.infer<typeof AdminPolicyVersion>;

export const AdminPolicyVersionList = z.object({ items: z.array(AdminPolicyVersion) });
export type AdminPolicyVersionList = z.infer<typeof AdminPolicyVersionList>;

/**
 * The signed-in member and the privacy statement: the version they last accepted or read, the
 * versions published since (newest first), and whether they must accept the current version
 * before doing anything else.
 */
export const MyPolicyStatus = z.object({
  current: PolicyVersionSummary.nullable(),
  lastSeenVersion: z.number().int().nullable(),
  changes: z.array(PolicyVersionSummary),
  acceptanceRequired: z.boolean(),
});
export type MyPolicyStatus = z.infer<typeof MyPolicyStatus>;

/** Accept (or, for a minor change, mark as read) a version: only the current one. */
// Bounded like the path parameter: an integer beyond the column's range answered 500 (found by fuzzing).
export const AcceptPolicyVersion = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });
export type AcceptPolicyVersion = z.infer<typeof AcceptPolicyVersion>;
