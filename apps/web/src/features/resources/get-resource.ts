import { useState } from 'react';
import { queryOptions, useQuery, type Query } from '@tanstack/react-query';
import { ResourceDetail } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/resources/:id — a resource this visitor may see (404 otherwise). Counts a view when published. */
export function getResource(id: string, signal?: AbortSignal): Promise<ResourceDetail> {
  return api.get(`/api/resources/${encodeURIComponent(id)}`, ResourceDetail, signal);
}

export function resourceQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.resource(id),
    queryFn: ({ signal }) => getResource(id, signal),
    // Every request of a published resource counts as a view: do not ask again on every visit.
    staleTime: 60_000,
  });
}

export const THUMBNAIL_POLL_MS = 2_000;
export const THUMBNAIL_MAX_POLLS = 15;

type FileLike = Pick<ResourceDetail['files'][number], 'id' | 'previewKind' | 'hasThumbnail'>;

/** Ids of images and PDFs whose thumbnail the API is still making (it appears a few seconds after upload). */
export function filesAwaitingThumbnail(files: readonly FileLike[]): string[] {
  return files.filter((file) => (file.previewKind === 'image' || file.previewKind === 'pdf') && !file.hasThumbnail).map((file) => file.id);
}

/**
 * A `refetchInterval` that asks again every few seconds while thumbnails are missing, at most
 * `THUMBNAIL_MAX_POLLS` times per set of waiting files (a thumbnail that never comes — the job
 * failed — must not keep the page polling). Counts answers, not calls: TanStack Query also
 * evaluates the interval on every render.
 */
export function thumbnailPoller() {
  let waitingFor = '';
  let polls = 0;
  let seenAt = 0;
  return (query: Pick<Query<ResourceDetail, Error, ResourceDetail, readonly unknown[]>, 'state'>): number | false => {
    const detail = query.state.data;
    const waiting = detail ? filesAwaitingThumbnail(detail.files).join(',') : '';
    if (!waiting) {
      waitingFor = '';
      polls = 0;
      return false;
    }
    if (waiting !== waitingFor) {
      waitingFor = waiting;
      polls = 0;
      seenAt = query.state.dataUpdatedAt;
    } else if (query.state.dataUpdatedAt !== seenAt) {
      seenAt = query.state.dataUpdatedAt;
      polls += 1;
    }
    return polls < THUMBNAIL_MAX_POLLS ? THUMBNAIL_POLL_MS : false;
  };
}

export interface UseResourceOptions {
  /** Ask again while thumbnails are being made: always, or only when the answer passes the test. */
  pollThumbnails?: boolean | ((resource: ResourceDetail) => boolean);
  enabled?: boolean;
}

export function useResource(id: string, options: UseResourceOptions = {}) {
  const [poll] = useState(thumbnailPoller);
  const { pollThumbnails = false } = options;
  return useQuery({
    ...resourceQuery(id),
    enabled: options.enabled ?? true,
    refetchInterval: (query) => {
      const data = query.state.data;
      const wanted = typeof pollThumbnails === 'function' ? data !== undefined && pollThumbnails(data) : pollThumbnails;
      return wanted ? poll(query) : false;
    },
  });
}
