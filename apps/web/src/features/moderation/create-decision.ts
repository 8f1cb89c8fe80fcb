import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DecisionView, type DecisionRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

/**
 * POST /api/moderation/decisions — dismiss, hide, remove, warn, suspend or ban; closes the open
 * reports on the target and sends the member concerned the statement of reasons (not for dismiss).
 */
export function createDecision(input: DecisionRequest): Promise<DecisionView> {
  return api.post(`${MODERATION_PATH}/decisions`, input, DecisionView);
}

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDecision,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        // A hidden or removed resource or comment looks different everywhere it is shown.
        queryClient.invalidateQueries({ queryKey: queryKeys.resources }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allComments }),
      ]),
  });
}
