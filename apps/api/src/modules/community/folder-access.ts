import type { Actor } from '../../core/auth/actor.js';
import { safeEqual } from '../../core/crypto/keys.js';

export interface FolderAccessInfo {
  ownerId: string;
  visibility: 'private' | 'link' | 'public';
  shareToken: string | null;
}

/**
 * Private folders are the owner's alone; link-shared folders need the link's token; public
 * folders are for everyone. Only owners change a folder.
 */
export const FolderPolicy = {
  canView: (actor: Actor | undefined, folder: FolderAccessInfo, token?: string): boolean =>
    actor?.memberId === folder.ownerId ||
    folder.visibility === 'public' ||
    (folder.visibility === 'link' && !!token && !!folder.shareToken && safeEqual(token, folder.shareToken)),
  canEdit: (actor: Actor | undefined, folder: FolderAccessInfo): boolean => actor?.memberId === folder.ownerId,
  canFollow: (actor: Actor | undefined, folder: FolderAccessInfo): boolean => !!actor && folder.visibility === 'public' && actor.memberId !== folder.ownerId,
};
