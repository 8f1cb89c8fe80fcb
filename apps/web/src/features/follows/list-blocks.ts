import { queryOptions, useQuery } from '@tanstack/react-query';
import { MemberList } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';

export const blocksKey = ['follows', 'blocks'] as const;

/** GET /api/account/blocks — members I blocked. */
export function listBlocks(signal?: AbortSignal): Promise<MemberList> {
  return api.get('/api/account/blocks', MemberList, signal);
}

export function useBlocks(enabled = true) {
  return useQuery({ ...queryOptions({ queryKey: blocksKey, queryFn: ({ signal }) => listBlocks(signal) }), enabled });
}
