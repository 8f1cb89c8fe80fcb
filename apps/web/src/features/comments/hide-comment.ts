import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CommentView, type HideCommentRequest } from '@lesplein/contracts/comment';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/comments/:id/hide — moderators hide a comment with a reason. */
export function hideComment({ id, input }: { id: string; resourceId: string; input: HideCommentRequest }): Promise<CommentView> {
  return api.post(`/api/comments/${encodeURIComponent(id)}/hide`, input, CommentView);
}

export function useHideComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: hideComment,
    onSuccess: (_comment, { resourceId }) => queryClient.invalidateQueries({ queryKey: queryKeys.comments(resourceId) }),
  });
}
