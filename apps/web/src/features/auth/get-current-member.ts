import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurrentMember } from '@lesplein/contracts/auth';
import { api, ApiError, ClientProblemCode, isApiError } from '../../lib/api-client';
import { ProblemCode } from '../../lib/problem-codes';
import { queryKeys } from '../../lib/query-keys';

/**
 * GET /api/auth/me — the signed-in member, or null when signed out.
 * The header asks this on every page, so the contract schema (and zod with it) is loaded
 * alongside the request instead of in the start-up bundle.
 */
export async function getCurrentMember(signal?: AbortSignal): Promise<CurrentMember | null> {
  try {
    const [{ CurrentMember }, body] = await Promise.all([
      import('@lesplein/contracts/auth'),
      api.get<unknown>('/api/auth/me', undefined, signal),
    ]);
    const checked = CurrentMember.safeParse(body);
    if (!checked.success) {
      throw new ApiError({ type: 'about:blank', title: 'Unexpected response', status: 200, code: ClientProblemCode.invalidResponse, detail: checked.error.message });
    }
    return checked.data;
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.code === ProblemCode.unauthenticated)) return null;
    throw error;
  }
}

export const currentMemberQuery = queryOptions({
  queryKey: queryKeys.currentMember,
  queryFn: ({ signal }) => getCurrentMember(signal),
  staleTime: 60_000,
});

export function useCurrentMember() {
  return useQuery(currentMemberQuery);
}
