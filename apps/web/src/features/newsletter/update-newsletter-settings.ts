import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NewsletterSettings } from '@lesplein/contracts/newsletter';
import { api } from '../../lib/api-client';
import { newsletterKeys } from './newsletter-keys';

/** PUT /api/account/newsletter — opt in or out (each change is recorded as evidence). */
export function updateNewsletterSettings(subscribed: boolean): Promise<NewsletterSettings> {
  return api.put('/api/account/newsletter', { subscribed }, NewsletterSettings);
}

export function useUpdateNewsletterSettings() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateNewsletterSettings, onSuccess: (settings) => queryClient.setQueryData(newsletterKeys.mine, settings) });
}
