import { useMutation } from '@tanstack/react-query';
import { UnsubscribeResponse } from '@lesplein/contracts/notification';
import { api } from '../../lib/api-client';

/** POST /api/notifications/unsubscribe?token= — the link in an e-mail: no more e-mail of that type (the bell stays). */
export function unsubscribe(token: string): Promise<UnsubscribeResponse> {
  return api.post(`/api/notifications/unsubscribe?${new URLSearchParams({ token }).toString()}`, undefined, UnsubscribeResponse);
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: unsubscribe });
}
