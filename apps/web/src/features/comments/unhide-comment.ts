import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CommentView } from '@lesplein/contracts/comment';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/comments/:id/unhide — moderators show a hidden comment again. */
export function unhideComment({ id }: { id: string; resourceId: string }): Promise<CommentView> {
  return api.post(`/api/comments/${encodeURIComponent(id)}/unhide`, {}, CommentView);
}

export function useUnhideComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unhideComment,
    onSuccess: (_comment, { resourceId }) => queryClient.invalidateQueries({ queryKey: queryKeys.comments(resourceId) }),
  });
}
