import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ResourceFile, type UploadLimits } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { ProblemCode } from '../../lib/problem-codes';
import { queryKeys, resourceLists } from '../../lib/query-keys';

export interface UploadProgressOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/resources/:id/files — the file as the raw body, its name in `x-file-name`
 * (URI-encoded: headers are Latin-1). Sent with XMLHttpRequest for progress; aborting the
 * signal cancels it (the API then keeps nothing).
 */
export function uploadResourceFile(resourceId: string, file: File, options: UploadProgressOptions = {}): Promise<ResourceFile> {
  return api.upload(`/api/resources/${encodeURIComponent(resourceId)}/files`, {
    body: file,
    contentType: 'application/octet-stream',
    headers: { 'x-file-name': encodeURIComponent(file.name) },
    schema: ResourceFile,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The upload as a callback that refreshes the resource, the quota and the lists afterwards. */
export function useUploadResourceFile() {
  const queryClient = useQueryClient();
  return useCallback(
    async (resourceId: string, file: File, options: UploadProgressOptions = {}) => {
      const uploaded = await uploadResourceFile(resourceId, file, options);
      void queryClient.invalidateQueries({ queryKey: queryKeys.resource(resourceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.uploadLimits });
      void queryClient.invalidateQueries(resourceLists);
      return uploaded;
    },
    [queryClient],
  );
}

export type UploadRefusal = typeof ProblemCode.fileEmpty | typeof ProblemCode.fileTooLarge | typeof ProblemCode.quotaExceeded;

/**
 * Checks a chosen file before it is sent, with the limits the API announced: empty, larger
 * than one file may be, or more than the quota has left after the files already waiting
 * (`pendingBytes`). The API checks again; this only saves sending what it would refuse.
 */
export function checkUpload(file: Pick<File, 'size'>, limits: UploadLimits | undefined, pendingBytes = 0): UploadRefusal | null {
  if (file.size === 0) return ProblemCode.fileEmpty;
  if (!limits) return null;
  if (file.size > limits.maxFileBytes) return ProblemCode.fileTooLarge;
  if (limits.usedBytes + pendingBytes + file.size > limits.quotaBytes) return ProblemCode.quotaExceeded;
  return null;
}
