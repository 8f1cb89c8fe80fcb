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

const REINDEX_BATCH = 500;

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
  async sync(ids: string[]): Promise<{ upserted: number; removed: number }> {
    if (ids.length === 0) return { upserted: 0, removed: 0 };
    return this.documents.withIndexingLocks(ids, async (tx) => {
      const documents = await this.documents.findPublished(tx, ids);
      const published = new Set(documents.map((d) => d.id));
      const gone = [...new Set(ids)].filter((id) => !published.has(id));
      await this.engine.upsert(documents);
      await this.engine.remove(gone);
      await this.documents.recordIndexed(tx, documents);
      await this.documents.forgetIndexed(tx, gone);
      return { upserted: documents.length, removed: gone.length };
    });
  }

  /** Re-indexes what drifted (views, or anything a lost write left behind); returns how many. */
  async refresh(limit = 5000): Promise<number> {
    const ids = await this.documents.driftedIds(limit);
    for (let i = 0; i < ids.length; i += REINDEX_BATCH) await this.sync(ids.slice(i, i + REINDEX_BATCH));
    if (ids.length > 0) this.logger.log(`Refreshed ${ids.length} search documents`);
    return ids.length;
  }

  /** Enqueues re-indexing of an author's resources (rename, account deletion) in the caller's transaction. */
  async enqueueAuthor(tx: Tx, authorId: string): Promise<void> {
    await enqueueSearchIndex(this.jobs, tx, await this.documents.authorResourceIds(tx, authorId));
  }

  /**
   * Rebuilds the index from the database: every published resource in batches (the index stays
   * searchable meanwhile), then documents not re-sent are dropped and derived data rebuilt.
   */
  async reindex(onProgress: (progress: ReindexProgress) => void = () => undefined): Promise<ReindexProgress> {
    await this.engine.applySettings();
    const startedAt = await this.engine.startReindex();
    const total = await this.documents.countPublished();
    let done = 0;
    let after: string | null = null;
    onProgress({ done, total });
    for (;;) {
      const ids = await this.documents.publishedIdsAfter(after, REINDEX_BATCH);
      if (ids.length === 0) break;
      done += (await this.sync(ids)).upserted;
      after = ids.at(-1)!;
      onProgress({ done, total: Math.max(total, done) });
    }
    await this.engine.finishReindex(startedAt);
    return { done, total: Math.max(total, done) };
  }
}
