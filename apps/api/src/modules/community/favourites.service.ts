import { Injectable } from '@nestjs/common';
import type { Page } from '@lesplein/contracts/common';
import type { FavouriteState } from '@lesplein/contracts/favourite';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, NotFound } from '../../core/errors/domain-error.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { ResourcePolicy } from '../resources/resource-access.js';
import { toResourceSummary } from '../resources/resource.mapper.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { enqueueSearchIndex } from '../search/indexing/search-index.job.js';
import { FavouritesRepository } from './favourites.repository.js';

/** One-click favourites with an exact count per resource. */
@Injectable()
export class FavouritesService {
  constructor(
    private readonly favourites: FavouritesRepository,
    private readonly resources: ResourcesRepository,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
  ) {}

  async add(actor: Actor, resourceId: string): Promise<FavouriteState> {
    return this.tx.run(async (tx) => {
      const resource = await this.resources.lock(tx, resourceId);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
      if (resource.state !== 'published') throw Conflict('Only published resources can be favourites.');
      await this.favourites.add(tx, actor.memberId, resourceId);
      await enqueueSearchIndex(this.jobs, tx, [resourceId]); // the favourite count is searched on
      return { favourited: true, count: await this.favourites.count(resourceId, tx) };
    });
  }

  async remove(actor: Actor, resourceId: string): Promise<FavouriteState> {
    return this.tx.run(async (tx) => {
      const resource = await this.resources.lock(tx, resourceId);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
      await this.favourites.remove(tx, actor.memberId, resourceId);
      if (resource.state === 'published') await enqueueSearchIndex(this.jobs, tx, [resourceId]);
      return { favourited: false, count: await this.favourites.count(resourceId, tx) };
    });
  }

  async state(actor: Actor | undefined, resourceId: string): Promise<FavouriteState> {
    const resource = await this.resources.findDetail(resourceId);
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
    return { favourited: actor ? await this.favourites.isFavourite(actor.memberId, resourceId) : false, count: resource.favouriteCount };
  }

  async mine(actor: Actor, query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    const rows = await this.favourites.list(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.resourceId }));
    return { items: page.items.map((row) => toResourceSummary(row.resource)), nextCursor: page.nextCursor };
  }
}
