import { z } from 'zod';

/** One recorded choice about newsletters and invitations. */
export const NewsletterChoice = z.object({
  granted: z.boolean(),
  source: z.enum(['settings', 'unsubscribe_link']),
  at: z.iso.datetime(),
});
export type NewsletterChoice = z.infer<typeof NewsletterChoice>;

/** The member's current choice (off until they opt in) and every earlier one, newest first. */
export const NewsletterSettings = z.object({
  subscribed: z.boolean(),
  history: z.array(NewsletterChoice),
});
export type NewsletterSettings = z.infer<typeof NewsletterSettings>;

export const UpdateNewsletterSettings = z.strictObject({ subscribed: z.boolean() });
export type UpdateNewsletterSettings = z.infer<typeof UpdateNewsletterSettings>;

/** The signed token of a newsletter's unsubscribe link. */
export const NewsletterUnsubscribeRequest = z.strictObject({ token: z.string().min(20).max(300) });
export type NewsletterUnsubscribeRequest = z.infer<typeof NewsletterUnsubscribeRequest>;

export const NewsletterUnsubscribeResponse = z.object({ subscribed: z.literal(false) });
export type NewsletterUnsubscribeResponse = z.infer<typeof NewsletterUnsubscribeResponse>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A newsletter or invitation to send, in both languages (each member gets theirs); plain text, paragraphs separated by blank lines. */
export const SendNewsletter = z.strictObject({
  subjectNl: Text(200),
  subjectEn: Text(200),
  bodyNl: Text(20_000),
  bodyEn: Text(20_000),
});
export type SendNewsletter = z.infer<typeof SendNewsletter>;

export const NewsletterView = z.object({
  id: z.uuid(),
  subjectNl: z.string(),
  subjectEn: z.string(),
  recipientCount: z.number().int().min(0),
  sentAt: z.iso.datetime(),
  sentBy: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
});
export type NewsletterView = z.infer<typeof NewsletterView>;

/** What admins see: the sent newsletters, newest first, and how many members currently opted in. */
export const NewsletterList = z.object({ items: z.array(NewsletterView), subscribers: z.number().int().min(0) });
export type NewsletterList = z.infer<typeof NewsletterList>;
