import type { Tx } from '../../../core/database/prisma.service.js';
import type { JobQueue } from '../../../core/outbox/job-queue.js';

/** The outbox job that brings resources' search documents in step with the database. */
export const SEARCH_INDEX_JOB = 'search.index';
/** Every 10 minutes: re-index resources whose view counts moved on, and repair any drift. */
export const SEARCH_REFRESH_JOB = 'search.refresh';

export interface SearchIndexJobData {
  ids: string[];
}

const IDS_PER_JOB = 500;

/**
 * Records, in the caller's transaction, that these resources must be (re-)indexed. The job
 * carries only ids: its worker reads the state as it is then, so jobs may run twice or out of
 * order. Call it wherever a change can alter a resource's search document or visibility.
 */
export async function enqueueSearchIndex(jobs: JobQueue, tx: Tx, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += IDS_PER_JOB) {
    await jobs.enqueue(tx, SEARCH_INDEX_JOB, { ids: unique.slice(i, i + IDS_PER_JOB) } satisfies SearchIndexJobData);
  }
}
