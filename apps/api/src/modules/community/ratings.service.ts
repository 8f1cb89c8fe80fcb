import { Injectable } from '@nestjs/common';
import type { RatingSummary } from '@lesplein/contracts/rating';
import type { Actor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/database/prisma.service.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound } from '../../core/errors/domain-error.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { ResourcePolicy } from '../resources/resource-access.js';
import { enqueueSearchIndex } from '../search/indexing/search-index.job.js';
import { RatingsRepository, type RatedResource } from './ratings.repository.js';
import { toRatingSummary } from './ratings.mapper.js';

const OWN_RESOURCE = 'Je kan je eigen leermiddel niet beoordelen / You cannot rate your own resource.';
const NOT_PUBLISHED = 'Enkel gepubliceerde leermiddelen krijgen een score / Only published resources can be rated.';

/** How often an insert may lose a race with a concurrent insert or delete of the same rating. */
const MAX_ATTEMPTS = 3;

/**
 * Scores from 1 to 5, one per member per resource, never on one's own resource. The average
 * and count come from exact counters on the resource, changed in the same transaction as the
 * rating by atomic increments.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
  ) {}

  async summary(actor: Actor | undefined, resourceId: string): Promise<RatingSummary> {
    const resource = await this.ratings.findResource(resourceId);
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
    const totals = await this.ratings.findTotals(resourceId);
    if (!totals) throw NotFound('Resource');
    return toRatingSummary(totals, actor ? await this.ratings.findScore(actor.memberId, resourceId) : null);
  }

  /** Gives or changes my score. */
  async rate(actor: Actor, resourceId: string, score: number): Promise<RatingSummary> {
    return this.tx.run(async (tx) => {
      assertMayRate(actor, await this.ratings.findResource(resourceId, tx));
      const old = await this.lockOrInsert(tx, actor.memberId, resourceId, score);
      if (old !== null && old !== score) await this.ratings.update(tx, actor.memberId, resourceId, score);
      const totals = await this.ratings.adjustTotals(tx, resourceId, old === null ? 1 : 0, score - (old ?? 0));
      // Read again under the resource's row lock: a change of state meanwhile rolls this back.
      assertMayRate(actor, totals);
      await enqueueSearchIndex(this.jobs, tx, [resourceId]); // the search's "best rated" sort
      return toRatingSummary(totals, score);
    });
  }

  /** Removes my score (404 when I have none). */
  async remove(actor: Actor, resourceId: string): Promise<RatingSummary> {
    return this.tx.run(async (tx) => {
      const resource = await this.ratings.findResource(resourceId, tx);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
      const old = await this.ratings.delete(tx, actor.memberId, resourceId);
      if (old === null) throw NotFound('Rating');
      const totals = await this.ratings.adjustTotals(tx, resourceId, -1, -old);
      if (!totals) throw NotFound('Resource');
      if (totals.state === 'published') await enqueueSearchIndex(this.jobs, tx, [resourceId]);
      return toRatingSummary(totals, null);
    });
  }

  /**
   * Locks my existing rating and returns its score, or inserts the new one and returns null.
   * When a concurrent request inserts first, the insert does nothing and the next attempt
   * locks that row; when one deletes it meanwhile, the next attempt inserts again.
   */
  private async lockOrInsert(tx: Tx, memberId: string, resourceId: string, score: number): Promise<number | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const old = await this.ratings.lockScore(tx, memberId, resourceId);
      if (old !== null) return old;
      if (await this.ratings.insert(tx, memberId, resourceId, score)) return null;
    }
    throw Conflict('Je score werd tegelijk elders gewijzigd; probeer opnieuw / Your rating changed at the same time elsewhere; try again.');
  }
}

/** 404 when the member cannot see the resource, 403 on their own, 409 when it is not published. */
function assertMayRate<T extends RatedResource>(actor: Actor, resource: T | null): asserts resource is T {
  if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
  if (resource.authorId === actor.memberId) throw Forbidden(OWN_RESOURCE);
  if (resource.state !== 'published') throw Conflict(NOT_PUBLISHED);
}
