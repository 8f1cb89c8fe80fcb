import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminMemberView, type ChangeRoleRequest } from '@lesplein/contracts/admin-members';
import { api } from '../../lib/api-client';
import { adminMemberPath, administrationKeys } from './administration-keys';

/**
 * PUT /api/admin/members/:handle/role — make a member member, moderator or admin. Not one's
 * own role, never the last admin; the member's sessions end.
 */
export function changeMemberRole({ handle, role }: { handle: string } & ChangeRoleRequest): Promise<AdminMemberView> {
  return api.put(`${adminMemberPath(handle)}/role`, { role } satisfies ChangeRoleRequest, AdminMemberView);
}

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMemberRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: administrationKeys.members }),
  });
}
