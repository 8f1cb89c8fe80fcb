import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { AuditPage } from '@lesplein/contracts/audit';
import { api } from '../../lib/api-client';
import { ADMIN_AUDIT_PATH, administrationKeys, type AuditFilter } from './administration-keys';

export const AUDIT_PAGE_SIZE = 50;

/** The request's query string: empty filters are left out. */
export function auditParams(filter: AuditFilter, cursor: string | null): URLSearchParams {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const key of ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const) {
    const value = filter[key].trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** GET /api/admin/audit?action&actorId&targetType&targetId&from&to&cursor&limit — the logbook, newest first (admins). */
export function listAuditEntries(filter: AuditFilter, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
  return api.get(`${ADMIN_AUDIT_PATH}?${auditParams(filter, cursor).toString()}`, AuditPage, signal);
}

export const auditEntriesQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: administrationKeys.audit(filter),
    queryFn: ({ pageParam, signal }) => listAuditEntries(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useAuditEntries(filter: AuditFilter) {
  return useInfiniteQuery({ ...auditEntriesQuery(filter), placeholderData: keepPreviousData });
}
