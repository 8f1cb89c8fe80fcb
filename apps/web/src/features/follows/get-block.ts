import { queryOptions, useQuery } from '@tanstack/react-query';
import { BlockState } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';

export const blockKey = (handle: string) => ['follows', 'block', handle] as const;

/** GET /api/members/:handle/block — whether I blocked this member. */
export function getBlock(handle: string, signal?: AbortSignal): Promise<BlockState> {
  return api.get(`/api/members/${encodeURIComponent(handle)}/block`, BlockState, signal);
}

export function useBlock(handle: string, enabled = true) {
  return useQuery({ ...queryOptions({ queryKey: blockKey(handle), queryFn: ({ signal }) => getBlock(handle, signal) }), enabled });
}
