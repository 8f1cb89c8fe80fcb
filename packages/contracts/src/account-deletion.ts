import { z } from 'zod';

/** What happens to the member's resources and comments when the account is deleted. */
export const ContributionsChoice = z.enum(['keep_anonymous', 'remove']);
export type ContributionsChoice = z.infer<typeof ContributionsChoice>;

/** Asking to delete one's own account: the password again, the 2FA code when it is enabled. */
export const AccountDeletionRequest = z.strictObject({
  password: z.string().min(1, { message: 'Vul je wachtwoord in / Enter your password' }).max(200),
  code: z.string().trim().min(6).max(20).optional(),
  contributions: ContributionsChoice.default('keep_anonymous'),
});
export type AccountDeletionRequest = z.input<typeof AccountDeletionRequest>;

export const AccountDeletionStatus = z.enum(['scheduled', 'cancelled', 'running', 'completed']);
export type AccountDeletionStatus = z.infer<typeof AccountDeletionStatus>;

/** The state of a deletion, as shown after the request and on the cancel page. */
export const AccountDeletionView = z.object({
  status: AccountDeletionStatus,
  contributions: ContributionsChoice,
  requestedAt: z.iso.datetime(),
  /** When the grace period ends and the deletion runs (the request time when it ran at once). */
  executeAfter: z.iso.datetime(),
  /** Whether the cancel link still works (scheduled, grace period not over). */
  cancellable: z.boolean(),
});
export type AccountDeletionView = z.infer<typeof AccountDeletionView>;

/** The secret of the e-mailed cancel link. */
export const DeletionTokenParam = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'Ongeldige link / Invalid link' }),
});
export type DeletionTokenParam = z.infer<typeof DeletionTokenParam>;
