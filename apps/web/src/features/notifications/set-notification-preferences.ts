import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NotificationPreferences, type UpdateNotificationPreferences } from '@lesplein/contracts/notification';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/account/notification-preferences — changes the given types only. */
export function setNotificationPreferences(input: UpdateNotificationPreferences): Promise<NotificationPreferences> {
  return api.put('/api/account/notification-preferences', input, NotificationPreferences);
}

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setNotificationPreferences,
    onSuccess: (preferences) => queryClient.setQueryData([...queryKeys.notifications, 'preferences'], preferences),
  });
}
