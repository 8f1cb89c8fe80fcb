import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NewsletterView, type SendNewsletter } from '@lesplein/contracts/newsletter';
import { api } from '../../lib/api-client';
import { newsletterKeys } from './newsletter-keys';

/** POST /api/admin/newsletters — send to the members who opted in, through the outbox (admins; audited). */
export function sendNewsletter(input: SendNewsletter): Promise<NewsletterView> {
  return api.post('/api/admin/newsletters', input, NewsletterView);
}

export function useSendNewsletter() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendNewsletter, onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterKeys.admin }) });
}
