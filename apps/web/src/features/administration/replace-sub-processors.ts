import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SubProcessorsPage, type SubProcessorList } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { ADMIN_SUB_PROCESSORS_PATH, administrationKeys } from './administration-keys';

/** PUT /api/admin/settings/sub-processors — replace the public list of sub-processors (admins; audited). */
export function replaceSubProcessors(list: SubProcessorList): Promise<SubProcessorsPage> {
  return api.put(ADMIN_SUB_PROCESSORS_PATH, list, SubProcessorsPage);
}

export function useReplaceSubProcessors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceSubProcessors,
    onSuccess: (page) => queryClient.setQueryData(administrationKeys.subProcessors, page),
  });
}
