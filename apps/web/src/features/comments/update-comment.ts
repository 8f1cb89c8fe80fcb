import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CommentView, type UpdateCommentRequest } from '@lesplein/contracts/comment';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PATCH /api/comments/:id — the author changes the text (the comment is then marked as edited). */
export function updateComment({ id, input }: { id: string; resourceId: string; input: UpdateCommentRequest }): Promise<CommentView> {
  return api.patch(`/api/comments/${encodeURIComponent(id)}`, input, CommentView);
}

export function useUpdateComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateComment,
    onSuccess: (_comment, { resourceId }) => queryClient.invalidateQueries({ queryKey: queryKeys.comments(resourceId) }),
  });
}
