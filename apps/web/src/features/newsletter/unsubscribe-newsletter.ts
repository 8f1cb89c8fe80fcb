import { useMutation } from '@tanstack/react-query';
import { NewsletterUnsubscribeResponse } from '@lesplein/contracts/newsletter';
import { api } from '../../lib/api-client';

/** POST /api/newsletter/unsubscribe?token= — the link from a newsletter; works without logging in. */
export function unsubscribeNewsletter(token: string): Promise<NewsletterUnsubscribeResponse> {
  return api.post(`/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`, {}, NewsletterUnsubscribeResponse);
}

export function useUnsubscribeNewsletter() {
  return useMutation({ mutationFn: unsubscribeNewsletter });
}
