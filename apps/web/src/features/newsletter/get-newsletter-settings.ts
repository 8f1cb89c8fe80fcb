import { useQuery } from '@tanstack/react-query';
import { NewsletterSettings } from '@lesplein/contracts/newsletter';
import { api } from '../../lib/api-client';
import { newsletterKeys } from './newsletter-keys';

/** GET /api/account/newsletter — the member's choice about newsletters and invitations, with its history. */
export function getNewsletterSettings(signal?: AbortSignal): Promise<NewsletterSettings> {
  return api.get('/api/account/newsletter', NewsletterSettings, signal);
}

export function useNewsletterSettings() {
  return useQuery({ queryKey: newsletterKeys.mine, queryFn: ({ signal }) => getNewsletterSettings(signal) });
}
