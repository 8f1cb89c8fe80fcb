import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { DecisionList } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MY_DECISIONS_PATH, moderationKeys } from './moderation-keys';

export const MY_DECISIONS_PAGE_SIZE = 10;

/** GET /api/account/decisions?cursor&limit — moderation decisions about the member, newest first, with statements of reasons and appeals. */
export function listMyDecisions(cursor: string | null, signal?: AbortSignal): Promise<DecisionList> {
  const params = new URLSearchParams({ limit: String(MY_DECISIONS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${MY_DECISIONS_PATH}?${params.toString()}`, DecisionList, signal);
}

export const myDecisionsQuery = infiniteQueryOptions({
  queryKey: moderationKeys.myDecisions,
  queryFn: ({ pageParam, signal }) => listMyDecisions(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

export function useMyDecisions() {
  return useInfiniteQuery(myDecisionsQuery);
}
