import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DecisionView, type AppealRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MY_DECISIONS_PATH, moderationKeys } from './moderation-keys';

/** POST /api/account/decisions/:id/appeal — the member appeals a decision about them, once. */
export function appealDecision({ decisionId, input }: { decisionId: string; input: AppealRequest }): Promise<DecisionView> {
  return api.post(`${MY_DECISIONS_PATH}/${encodeURIComponent(decisionId)}/appeal`, input, DecisionView);
}

export function useAppealDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: appealDecision,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.myDecisions }),
  });
}
