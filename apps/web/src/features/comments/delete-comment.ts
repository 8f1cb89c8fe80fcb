import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/comments/:id — the author removes the comment (a placeholder stays while it has replies). */
export function deleteComment({ id }: { id: string; resourceId: string }): Promise<unknown> {
  return api.delete(`/api/comments/${encodeURIComponent(id)}`);
}

export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: (_answer, { resourceId }) => queryClient.invalidateQueries({ queryKey: queryKeys.comments(resourceId) }),
  });
}
