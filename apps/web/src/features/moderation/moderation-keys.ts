import type { ReportCategory, ReportTarget } from '@lesplein/contracts/report';

/** The report queue's filters, as the API takes them (`GET /api/moderation/reports`). */
export interface ReportQueueFilters {
  status: 'open' | 'dismissed' | 'actioned';
  targetType?: ReportTarget | undefined;
  category?: ReportCategory | undefined;
  assigned: 'any' | 'me' | 'none';
  sort: 'oldest' | 'newest';
}

/** Query keys and paths shared by the moderation operations (moderators' queues, ban list, the member's decisions). */
export const moderationKeys = {
  /** Everything the moderators' pages show. */
  all: ['moderation'] as const,
  reports: ['moderation', 'reports'] as const,
  reportQueue: (filters: ReportQueueFilters) => ['moderation', 'reports', filters] as const,
  appeals: ['moderation', 'appeals'] as const,
  reviewQueue: ['moderation', 'review-queue'] as const,
  banList: ['moderation', 'ban-list'] as const,
  /** The signed-in member's own decisions (account page). */
  myDecisions: ['account', 'decisions'] as const,
};

export const MODERATION_PATH = '/api/moderation';
export const MY_DECISIONS_PATH = '/api/account/decisions';
export const BAN_LIST_PATH = `${MODERATION_PATH}/ban-list`;
export const banEntryPath = (id: string) => `${BAN_LIST_PATH}/${encodeURIComponent(id)}`;
