import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DecisionView, type AppealDecisionRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

/**
 * POST /api/moderation/appeals/:id/decision — uphold or overturn (overturning undoes a hide, a
 * suspension or a ban); 403 for the moderator who took the original decision.
 */
export function decideAppeal({ appealId, input }: { appealId: string; input: AppealDecisionRequest }): Promise<DecisionView> {
  return api.post(`${MODERATION_PATH}/appeals/${encodeURIComponent(appealId)}/decision`, input, DecisionView);
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppeal,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allComments }),
      ]),
  });
}
