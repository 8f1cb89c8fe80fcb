import type { DecisionRequest } from '@lesplein/contracts/moderation';
import type { ReportCategory, ReportTarget } from '@lesplein/contracts/report';
import type { ReportQueueFilters } from '../../../features/moderation/moderation-keys';

// Pure helpers of the moderators' pages: the report queue's filters in the URL, where a target
// can be looked at, which actions fit which target, and the decision form's request.

export const REPORT_STATUSES = ['open', 'dismissed', 'actioned'] as const;
export const REPORT_TARGETS = ['resource', 'comment', 'member', 'message'] as const satisfies readonly ReportTarget[];
export const REPORT_CATEGORIES = ['spam', 'copyright', 'inappropriate', 'harassment', 'privacy', 'other'] as const satisfies readonly ReportCategory[];
export const ASSIGNMENTS = ['any', 'me', 'none'] as const;
export const SORTS = ['oldest', 'newest'] as const;

export const DEFAULT_FILTERS: ReportQueueFilters = { status: 'open', assigned: 'any', sort: 'oldest' };

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The queue's filters from the page address; unknown values fall back to the defaults. */
export function filtersFromSearch(params: URLSearchParams): ReportQueueFilters {
  const filters: ReportQueueFilters = {
    status: pick(REPORT_STATUSES, params.get('status')) ?? DEFAULT_FILTERS.status,
    assigned: pick(ASSIGNMENTS, params.get('assigned')) ?? DEFAULT_FILTERS.assigned,
    sort: pick(SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
  };
  const targetType = pick(REPORT_TARGETS, params.get('type'));
  const category = pick(REPORT_CATEGORIES, params.get('category'));
  if (targetType) filters.targetType = targetType;
  if (category) filters.category = category;
  return filters;
}

/** The page address for the filters: defaults and empty choices are left out, so the plain queue is `/moderation/reports`. */
export function searchFromFilters(filters: ReportQueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) params.set('status', filters.status);
  if (filters.targetType) params.set('type', filters.targetType);
  if (filters.category) params.set('category', filters.category);
  if (filters.assigned !== DEFAULT_FILTERS.assigned) params.set('assigned', filters.assigned);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  return params;
}

/**
 * Where a moderator can look at a target: a resource's page; a comment's resource; the profile
 * of a reported member or of a message's sender — when the report's context says where.
 */
export function targetLink(targetType: ReportTarget, targetId: string, context?: { resourceId: string | null; memberHandle: string | null }): string | null {
  if (targetType === 'resource') return `/resources/${encodeURIComponent(targetId)}`;
  if (targetType === 'comment' && context?.resourceId) return `/resources/${encodeURIComponent(context.resourceId)}`;
  if ((targetType === 'member' || targetType === 'message') && context?.memberHandle) return `/members/${encodeURIComponent(context.memberHandle)}`;
  return null;
}

export type DecisionAction = DecisionRequest['action'];

/** Which actions fit which target (the API refuses the others). */
const ACTIONS: Record<ReportTarget, readonly DecisionAction[]> = {
  resource: ['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'],
  comment: ['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'],
  message: ['dismiss', 'warn', 'suspend', 'ban'],
  member: ['dismiss', 'warn', 'suspend', 'ban'],
};

export function actionsFor(targetType: ReportTarget): readonly DecisionAction[] {
  return ACTIONS[targetType];
}

/** Actions that cannot be taken back by the moderators themselves (only by an appeal, or not at all). */
export function isSevere(action: DecisionAction): boolean {
  return action === 'remove' || action === 'suspend' || action === 'ban';
}

export interface DecisionValues {
  action: DecisionAction | '';
  ground: string;
  reasons: string;
  suspendDays: string;
  [key: string]: unknown;
}

/**
 * The request for the decision form's values: suspension days only with a suspension (as a whole
 * number when the field holds one; anything else goes to the contract's check as it is).
 */
export function decisionRequest(target: { targetType: ReportTarget; targetId: string }, values: DecisionValues): Record<string, unknown> {
  const request: Record<string, unknown> = { targetType: target.targetType, targetId: target.targetId, action: values.action || undefined, reasons: values.reasons, ground: values.ground };
  if (values.action === 'suspend') {
    const days = values.suspendDays.trim();
    request.suspendDays = /^\d+$/.test(days) ? Number(days) : days === '' ? undefined : days;
  }
  return request;
}

/** The selected reports still shown (a filter or a refresh may have taken some away). */
export function keepVisible(selected: ReadonlySet<string>, visible: readonly string[]): Set<string> {
  const shown = new Set(visible);
  return new Set([...selected].filter((id) => shown.has(id)));
}
