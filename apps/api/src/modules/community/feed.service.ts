import { Injectable } from '@nestjs/common';
import type { Feed, FeedItem } from '@lesplein/contracts/follow';
import type { Actor } from '../../core/auth/actor.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { toResourceSummary } from '../resources/resource.mapper.js';
import { FeedRepository } from './feed.repository.js';

/** The member's feed, newest first, cursor-paginated. */
@Injectable()
export class FeedService {
  constructor(private readonly feed: FeedRepository) {}

  async page(actor: Actor, query: { cursor?: string; limit: number }): Promise<Feed> {
    const rows = await this.feed.page(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.at, id: row.key }));
    const [resources, members, folders] = await Promise.all([
      this.feed.resources([...new Set(page.items.map((row) => row.resourceId))]),
      this.feed.members([...new Set(page.items.flatMap((row) => (row.memberId ? [row.memberId] : [])))]),
      this.feed.folders([...new Set(page.items.flatMap((row) => (row.folderId ? [row.folderId] : [])))]),
    ]);
    const resourceById = new Map(resources.map((r) => [r.id, toResourceSummary(r)]));
    const memberById = new Map(members.map((m) => [m.id, { handle: m.handle, displayName: `${m.firstName} ${m.lastName}` }]));
    const folderById = new Map(folders.map((f) => [f.id, f]));
    const items = page.items.flatMap((row): FeedItem[] => {
      const resource = resourceById.get(row.resourceId);
      if (!resource) return [];
      const at = row.at.toISOString();
      if (row.kind === 'resource') {
        const member = row.memberId ? memberById.get(row.memberId) : undefined;
        return member ? [{ kind: 'resource', at, resource, member }] : [];
      }
      const folder = row.folderId ? folderById.get(row.folderId) : undefined;
      return folder ? [{ kind: 'folder_item', at, resource, folder }] : [];
    });
    return { items, nextCursor: page.nextCursor };
  }
}
