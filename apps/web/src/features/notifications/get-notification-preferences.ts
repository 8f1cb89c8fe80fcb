import { queryOptions, useQuery } from '@tanstack/react-query';
import { NotificationPreferences } from '@lesplein/contracts/notification';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/notification-preferences — per type: off, in the app, e-mail at once, daily digest. */
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return api.get('/api/account/notification-preferences', NotificationPreferences, signal);
}

export function useNotificationPreferences() {
  return useQuery(queryOptions({ queryKey: [...queryKeys.notifications, 'preferences'], queryFn: ({ signal }) => getNotificationPreferences(signal) }));
}
