import type { FolderDetail, FolderSummary } from '@lesplein/contracts/folder';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { FolderPolicy } from './folder-access.js';
import type { FolderRow } from './folders.repository.js';

export function toFolderSummary(row: FolderRow): FolderSummary {
  const coverFile = row.cover?.files[0];
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    owner: { handle: row.owner.handle, displayName: `${row.owner.firstName} ${row.owner.lastName}` },
    itemCount: row._count.items,
    followerCount: row.followerCount,
    coverUrl: row.cover && coverFile ? `/api/resources/${row.cover.id}/files/${coverFile.id}/thumbnail` : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toFolderDetail(row: FolderRow, actor: Actor | undefined, items: ResourceSummary[], following: boolean): FolderDetail {
  const owner = FolderPolicy.canEdit(actor, row);
  return {
    ...toFolderSummary(row),
    // Other viewers see only the items they may read: the count follows.
    itemCount: owner ? row._count.items : items.length,
    sharePath: owner && row.visibility === 'link' && row.shareToken ? `/folders/shared/${row.shareToken}` : null,
    items,
    following,
    permissions: { edit: owner, follow: FolderPolicy.canFollow(actor, row), copy: !!actor && !owner },
  };
}
