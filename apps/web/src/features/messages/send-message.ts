import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MessageView, type SendMessageRequest } from '@lesplein/contracts/message';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/conversations/:id/messages — a reply in a conversation. */
export function sendMessage({ id, input }: { id: string; input: SendMessageRequest }): Promise<MessageView> {
  return api.post(`/api/conversations/${encodeURIComponent(id)}/messages`, input, MessageView);
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMessage,
    onSuccess: (_message, { id }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) }), queryClient.invalidateQueries({ queryKey: queryKeys.conversations })]),
  });
}
