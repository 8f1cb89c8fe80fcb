import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MessageView, type StartConversationRequest } from '@lesplein/contracts/message';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** The answer of POST /api/messages (the contract has no named schema for it). */
const StartConversationResponse = z.object({ conversationId: z.uuid(), message: MessageView });
export type StartConversationResponse = z.infer<typeof StartConversationResponse>;

/** POST /api/messages — a message to a member (in our existing conversation, or a new one). */
export function startConversation(input: StartConversationRequest): Promise<StartConversationResponse> {
  return api.post('/api/messages', input, StartConversationResponse);
}

export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startConversation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [queryKeys.conversations[0]] }),
  });
}
