import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** The answer of DELETE /api/account/viewed (the API declares it inline; no contract name). */
const Deleted = z.object({ deleted: z.number().int() });
export type Deleted = z.infer<typeof Deleted>;

/** DELETE /api/account/viewed — deletes the whole viewing history. */
export function clearViewedResources(): Promise<Deleted> {
  return api.delete('/api/account/viewed', Deleted);
}

export function useClearViewedResources() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearViewedResources,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.viewedResources }),
  });
}
