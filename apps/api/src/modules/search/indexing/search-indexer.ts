import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../../core/database/prisma.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { SEARCH_ENGINE, type SearchEngine } from '../engine/search-engine.js';
import { enqueueSearchIndex, SEARCH_INDEX_JOB, SEARCH_REFRESH_JOB, type SearchIndexJobData } from './search-index.job.js';
import { SearchDocumentsRepository } from './search-documents.repository.js';

export interface ReindexProgress {
  done: number;
  total: number;
}

/** Resources per transaction when re-indexing drifted resources. */
const REFRESH_BATCH = 500;
/** Resources per transaction in a full reindex, and how many such batches run at once. */
const REINDEX_BATCH = 2000;
const REINDEX_PARALLEL = 2;

/**
 * Keeps the search engine in step with the database. `sync(ids)` is the whole rule: published
 * resources are upserted from their current state, all others removed. It holds an advisory
 * lock per resource while it reads and writes, so two syncs of one resource cannot interleave
 * (a stale read cannot overwrite a newer one). When the engine fails, the job fails and pg-boss
 * retries it; the database change that enqueued it has committed regardless.
 */
@Injectable()
export class SearchIndexer implements OnModuleInit {
  private readonly logger = new Logger('SearchIndexer');

  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly jobs: JobQueue,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  onModuleInit(): void {
    this.jobs.define<SearchIndexJobData>({ name: SEARCH_INDEX_JOB, retryLimit: 20, handler: async (data) => void (await this.sync(data.ids ?? [])) });
    this.jobs.define({ name: SEARCH_REFRESH_JOB, cron: '*/10 * * * *', retryLimit: 2, handler: async () => void (await this.refresh()) });
  }

  /** Brings these resources' documents in step with the database (idempotent). */
  async sync(ids: string[], options: { rebuilding?: boolean } = {}): Promise<{ upserted: number; removed: number }> {
    if (ids.length === 0) return { upserted: 0, removed: 0 };
    return this.documents.withIndexingLocks(ids, async (tx) => {
      const documents = await this.documents.findPublished(tx, ids);
      const published = new Set(documents.map((d) => d.id));
      const gone = [...new Set(ids)].filter((id) => !published.has(id));
      await this.engine.upsert(documents, options);
      await this.engine.remove(gone);
      await this.documents.recordIndexed(tx, documents);
      await this.documents.forgetIndexed(tx, gone);
      return { upserted: documents.length, removed: gone.length };
    });
  }

  /** Re-indexes what drifted (views, or anything a lost write left behind); returns how many. */
  async refresh(limit = 5000): Promise<number> {
    const ids = await this.documents.driftedIds(limit);
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) await this.sync(ids.slice(i, i + REFRESH_BATCH));
    if (ids.length > 0) this.logger.log(`Refreshed ${ids.length} search documents`);
    return ids.length;
  }

  /** Enqueues re-indexing of an author's resources (rename, account deletion) in the caller's transaction. */
  async enqueueAuthor(tx: Tx, authorId: string): Promise<void> {
    await enqueueSearchIndex(this.jobs, tx, await this.documents.authorResourceIds(tx, authorId));
  }

  /**
   * Rebuilds the index from the database: every published resource in batches of
   * REINDEX_BATCH, REINDEX_PARALLEL batches at a time (the index stays searchable meanwhile; each
   * batch is the same locked sync as a job, marked as part of a rebuild so the engine may defer
   * derived data), then documents not re-sent are dropped and derived data rebuilt once.
   */
  async reindex(onProgress: (progress: ReindexProgress) => void = () => undefined): Promise<ReindexProgress> {
    await this.engine.applySettings();
    const startedAt = await this.engine.startReindex();
    const total = await this.documents.countPublished();
    let done = 0;
    let after: string | null = null;
    onProgress({ done, total });
    const running = new Set<Promise<void>>();
    try {
      for (;;) {
        const ids = await this.documents.publishedIdsAfter(after, REINDEX_BATCH);
        if (ids.length === 0) break;
        after = ids.at(-1)!;
        const batch: Promise<void> = this.sync(ids, { rebuilding: true }).then(({ upserted }) => {
          running.delete(batch);
          done += upserted;
          onProgress({ done, total: Math.max(total, done) });
        });
        running.add(batch);
        if (running.size >= REINDEX_PARALLEL) await Promise.race(running);
      }
      await Promise.all(running);
    } catch (error) {
      await Promise.allSettled(running);
      throw error;
    }
    await this.engine.finishReindex(startedAt);
    return { done, total: Math.max(total, done) };
  }
}
