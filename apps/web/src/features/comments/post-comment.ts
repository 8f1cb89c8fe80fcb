import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CommentView, type CreateCommentRequest } from '@lesplein/contracts/comment';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/resources/:id/comments — a comment, or a reply when `parentId` is given. */
export function postComment({ resourceId, input }: { resourceId: string; input: CreateCommentRequest }): Promise<CommentView> {
  return api.post(`/api/resources/${encodeURIComponent(resourceId)}/comments`, input, CommentView);
}

export function usePostComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postComment,
    onSuccess: (_comment, { resourceId }) => queryClient.invalidateQueries({ queryKey: queryKeys.comments(resourceId) }),
  });
}
