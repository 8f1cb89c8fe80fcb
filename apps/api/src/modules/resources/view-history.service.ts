import { Injectable } from '@nestjs/common';
import type { Page } from '@lesplein/contracts/common';
import type { ViewedResource, ViewHistorySettings } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { NotFound } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { ResourcePolicy } from './resource-access.js';
import { toResourceSummary } from './resource.mapper.js';
import { ViewHistoryRepository } from './view-history.repository.js';

/** The member's own "viewed resources" history: see it, delete entries or all, pause it. */
@Injectable()
export class ViewHistoryService {
  constructor(private readonly history: ViewHistoryRepository) {}

  async list(actor: Actor, query: { cursor?: string; limit: number }): Promise<Page<ViewedResource>> {
    const rows = await this.history.list(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.viewedAt, id: row.id.toString() }));
    return {
      // A resource that is no longer readable (removed, hidden) stays in the history without its details.
      items: page.items.map((row) => ({ id: row.id.toString(), viewedAt: row.viewedAt.toISOString(), resource: ResourcePolicy.canRead(actor, row.resource) ? toResourceSummary(row.resource) : null })),
      nextCursor: page.nextCursor,
    };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if ((await this.history.delete(actor.memberId, BigInt(id))) === 0) throw NotFound('History entry');
  }

  async clear(actor: Actor): Promise<{ deleted: number }> {
    return { deleted: await this.history.clear(actor.memberId) };
  }

  async settings(actor: Actor): Promise<ViewHistorySettings> {
    return { paused: await this.history.isPaused(actor.memberId) };
  }

  async setPaused(actor: Actor, paused: boolean): Promise<ViewHistorySettings> {
    await this.history.setPaused(actor.memberId, paused);
    return { paused };
  }
}
