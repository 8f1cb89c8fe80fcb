import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminMemberView, type BanListRightRequest } from '@lesplein/contracts/admin-members';
import { api } from '../../lib/api-client';
import { adminMemberPath, administrationKeys } from './administration-keys';

/** PUT /api/admin/members/:handle/ban-list-right — give or take a moderator's right to see and edit the ban list. */
export function setBanListRight({ handle, granted }: { handle: string } & BanListRightRequest): Promise<AdminMemberView> {
  return api.put(`${adminMemberPath(handle)}/ban-list-right`, { granted } satisfies BanListRightRequest, AdminMemberView);
}

export function useSetBanListRight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setBanListRight,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: administrationKeys.members }),
  });
}
