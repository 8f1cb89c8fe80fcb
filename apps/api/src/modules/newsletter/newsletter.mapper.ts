import type { NewsletterView } from '@lesplein/contracts/newsletter';
import type { NewsletterRepository } from './newsletter.repository.js';

type Row = Awaited<ReturnType<NewsletterRepository['list']>>[number];

export function toNewsletterView(row: Row): NewsletterView {
  return {
    id: row.id,
    subjectNl: row.subjectNl,
    subjectEn: row.subjectEn,
    recipientCount: row.recipientCount,
    sentAt: row.sentAt.toISOString(),
    sentBy: row.sentBy ? { handle: row.sentBy.handle, displayName: `${row.sentBy.firstName} ${row.sentBy.lastName}` } : null,
  };
}
