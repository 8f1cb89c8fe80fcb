import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { ResourceState } from '../../generated/prisma/client.js';

/** What the rules need to know about the rated resource. */
export interface RatedResource {
  authorId: string | null;
  state: ResourceState;
}

/** The resource's exact counters (and its state, read under the row lock) after a change. */
export interface RatingTotals extends RatedResource {
  ratingCount: number;
  ratingSum: number;
}

/**
 * Ratings and the exact counters on the resource (`ratingCount`, `ratingSum`). Counters are
 * only ever changed by atomic increments in the same transaction as the rating row, never by
 * reading and writing them back, so concurrent votes cannot lose updates.
 */
@Injectable()
export class RatingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The resource's author and state; removed resources do not exist here. */
  findResource(resourceId: string, tx?: Tx): Promise<RatedResource | null> {
    return (tx ?? this.prisma).resource.findFirst({ where: { id: resourceId, state: { not: 'removed' } }, select: { authorId: true, state: true } });
  }

  /** The resource's counters, for showing the summary. */
  findTotals(resourceId: string): Promise<{ ratingCount: number; ratingSum: number } | null> {
    return this.prisma.resource.findFirst({ where: { id: resourceId, state: { not: 'removed' } }, select: { ratingCount: true, ratingSum: true } });
  }

  async findScore(memberId: string, resourceId: string): Promise<number | null> {
    const row = await this.prisma.rating.findUnique({ where: { memberId_resourceId: { memberId, resourceId } }, select: { score: true } });
    return row?.score ?? null;
  }

  /**
   * Locks the member's rating row for the rest of the transaction and returns its score, or
   * null when there is none. A row committed by a concurrent request is seen (read committed:
   * each statement takes a new snapshot; a locked row is re-read at its newest version).
   */
  async lockScore(tx: Tx, memberId: string, resourceId: string): Promise<number | null> {
    const rows = await tx.$queryRaw<Array<{ score: number }>>`
      SELECT score FROM "Rating" WHERE "memberId" = ${memberId}::uuid AND "resourceId" = ${resourceId}::uuid FOR UPDATE`;
    return rows[0]?.score ?? null;
  }

  /**
   * Inserts the rating unless one exists; false when a concurrent request inserted it first
   * (ON CONFLICT waits for that transaction, so the caller can lock and update it instead).
   */
  async insert(tx: Tx, memberId: string, resourceId: string, score: number): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO "Rating" ("memberId", "resourceId", score, "createdAt", "updatedAt")
      VALUES (${memberId}::uuid, ${resourceId}::uuid, ${score}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT ("memberId", "resourceId") DO NOTHING`;
    return inserted === 1;
  }

  /** Changes a rating the caller has locked with `lockScore`. */
  async update(tx: Tx, memberId: string, resourceId: string, score: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE "Rating" SET score = ${score}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "memberId" = ${memberId}::uuid AND "resourceId" = ${resourceId}::uuid`;
  }

  /** Deletes the member's rating and returns the score it had (its newest version), or null. */
  async delete(tx: Tx, memberId: string, resourceId: string): Promise<number | null> {
    const rows = await tx.$queryRaw<Array<{ score: number }>>`
      DELETE FROM "Rating" WHERE "memberId" = ${memberId}::uuid AND "resourceId" = ${resourceId}::uuid RETURNING score`;
    return rows[0]?.score ?? null;
  }

  /**
   * Adds the deltas to the resource's counters atomically and returns the counters as they
   * are now in this transaction, with the resource's author and state read under the row lock
   * (so the caller can refuse a change to a resource that was unpublished meanwhile).
   */
  async adjustTotals(tx: Tx, resourceId: string, countDelta: number, sumDelta: number): Promise<RatingTotals | null> {
    const rows = await tx.$queryRaw<RatingTotals[]>`
      UPDATE "Resource" SET "ratingCount" = "ratingCount" + ${countDelta}::int, "ratingSum" = "ratingSum" + ${sumDelta}::int
      WHERE id = ${resourceId}::uuid AND state <> 'removed'
      RETURNING "authorId", state::text AS state, "ratingCount", "ratingSum"`;
    return rows[0] ?? null;
  }
}
