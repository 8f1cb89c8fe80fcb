import { useMutation } from '@tanstack/react-query';
import { DecisionView, type AppealWithTokenRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MODERATION_PATH } from './moderation-keys';

/**
 * POST /api/moderation/decisions/:id/appeal-with-token — the appeal from the link in the
 * statement-of-reasons e-mail, without a session (a suspended member cannot log in).
 */
export function appealWithToken({ decisionId, input }: { decisionId: string; input: AppealWithTokenRequest }): Promise<DecisionView> {
  return api.post(`${MODERATION_PATH}/decisions/${encodeURIComponent(decisionId)}/appeal-with-token`, input, DecisionView);
}

export function useAppealWithToken() {
  return useMutation({ mutationFn: appealWithToken });
}
