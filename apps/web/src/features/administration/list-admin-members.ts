import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { AdminMemberPage } from '@lesplein/contracts/admin-members';
import type { Role } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';
import { ADMIN_MEMBERS_PATH, administrationKeys } from './administration-keys';

export const ADMIN_MEMBERS_PAGE_SIZE = 20;

export interface AdminMemberFilter {
  /** The start of a handle or e-mail address; empty for every member. */
  query: string;
  role: Role | '';
}

/** GET /api/admin/members?query&role&cursor&limit — members by handle (admins). */
export function listAdminMembers(filter: AdminMemberFilter, cursor: string | null, signal?: AbortSignal): Promise<AdminMemberPage> {
  const params = new URLSearchParams({ limit: String(ADMIN_MEMBERS_PAGE_SIZE) });
  if (filter.query.trim()) params.set('query', filter.query.trim());
  if (filter.role) params.set('role', filter.role);
  if (cursor) params.set('cursor', cursor);
  return api.get(`${ADMIN_MEMBERS_PATH}?${params.toString()}`, AdminMemberPage, signal);
}

export const adminMembersQuery = (filter: AdminMemberFilter) =>
  infiniteQueryOptions({
    queryKey: administrationKeys.memberList(filter),
    queryFn: ({ pageParam, signal }) => listAdminMembers(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The previous results stay on screen while a new search loads. */
export function useAdminMembers(filter: AdminMemberFilter) {
  return useInfiniteQuery({ ...adminMembersQuery(filter), placeholderData: keepPreviousData });
}
