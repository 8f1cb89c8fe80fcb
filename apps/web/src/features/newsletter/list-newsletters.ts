import { useQuery } from '@tanstack/react-query';
import { NewsletterList } from '@lesplein/contracts/newsletter';
import { api } from '../../lib/api-client';
import { newsletterKeys } from './newsletter-keys';

/** GET /api/admin/newsletters — the newsletters sent and how many members opted in (admins). */
export function listNewsletters(signal?: AbortSignal): Promise<NewsletterList> {
  return api.get('/api/admin/newsletters', NewsletterList, signal);
}

export function useNewsletters() {
  return useQuery({ queryKey: newsletterKeys.admin, queryFn: ({ signal }) => listNewsletters(signal) });
}
