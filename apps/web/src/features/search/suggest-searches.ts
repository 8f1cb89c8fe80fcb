import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SuggestResult } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';

/**
 * GET /api/search/suggest?q — completions as the member types (public). No schema check here:
 * the header's search box is part of every page, and zod belongs in the pages that need it.
 */
export function suggestSearches(q: string, signal?: AbortSignal): Promise<SuggestResult> {
  return api.get<SuggestResult>(`/api/search/suggest?${new URLSearchParams({ q, limit: '8' }).toString()}`, undefined, signal);
}

export function useSuggestions(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', 'suggest', text],
    queryFn: ({ signal }) => suggestSearches(text, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
