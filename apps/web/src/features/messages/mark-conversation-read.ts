import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/conversations/:id/read — everything in it is read. */
export function markConversationRead(id: string): Promise<unknown> {
  return api.post(`/api/conversations/${encodeURIComponent(id)}/read`);
}

export function useMarkConversationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markConversationRead,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.conversations }), queryClient.invalidateQueries({ queryKey: queryKeys.unread })]),
  });
}
