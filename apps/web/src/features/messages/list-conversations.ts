import { queryOptions, useQuery } from '@tanstack/react-query';
import { ConversationList } from '@lesplein/contracts/message';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/conversations — my conversations, latest message first, with unread counts. */
export function listConversations(signal?: AbortSignal): Promise<ConversationList> {
  return api.get('/api/conversations', ConversationList, signal);
}

export function useConversations() {
  return useQuery(queryOptions({ queryKey: queryKeys.conversations, queryFn: ({ signal }) => listConversations(signal) }));
}
