import { Injectable } from '@nestjs/common';
import type { CreateFolderRequest, FolderDetail, FolderList, UpdateFolderRequest } from '@lesplein/contracts/folder';
import type { Actor } from '../../core/auth/actor.js';
import { randomToken } from '../../core/crypto/keys.js';
import type { Tx } from '../../core/database/prisma.service.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { ResourcePolicy } from '../resources/resource-access.js';
import { toResourceSummary } from '../resources/resource.mapper.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { MembersRepository } from '../accounts/members.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { FavouritesRepository } from './favourites.repository.js';
import { FolderPolicy, type FolderAccessInfo } from './folder-access.js';
import { toFolderDetail, toFolderSummary } from './folder.mapper.js';
import { FoldersRepository, type FolderRow } from './folders.repository.js';

const MAX_ITEMS = 1000;

/**
 * Folders of resources: private by default, shareable by an unguessable link, or public
 * (followable, copyable). Viewers only ever see the items they may read themselves.
 */
@Injectable()
export class FoldersService {
  constructor(
    private readonly folders: FoldersRepository,
    private readonly resources: ResourcesRepository,
    private readonly favourites: FavouritesRepository,
    private readonly members: MembersRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
  ) {}

  async create(actor: Actor, input: Required<CreateFolderRequest>): Promise<FolderDetail> {
    const row = await this.tx.run((tx) =>
      this.folders.create(tx, { ownerId: actor.memberId, name: input.name, description: input.description, visibility: input.visibility, shareToken: input.visibility === 'link' ? randomToken() : null }),
    );
    return toFolderDetail(row, actor, [], false);
  }

  async view(actor: Actor | undefined, id: string, token?: string): Promise<FolderDetail> {
    const row = await this.folders.find(id);
    if (!row || !FolderPolicy.canView(actor, row, token)) throw NotFound('Folder');
    return this.detail(actor, row);
  }

  async viewShared(actor: Actor | undefined, token: string): Promise<FolderDetail> {
    const row = await this.folders.findByShareToken(token);
    if (!row) throw NotFound('Folder');
    return this.detail(actor, row);
  }

  async mine(actor: Actor, resourceId?: string): Promise<FolderList> {
    const rows = await this.folders.listByOwner(actor.memberId, false);
    if (!resourceId) return { items: rows.map(toFolderSummary) };
    const holding = new Set(await this.folders.foldersHolding(actor.memberId, resourceId));
    return { items: rows.map((row) => ({ ...toFolderSummary(row), containsResource: holding.has(row.id) })) };
  }

  /** A member's public folders, when they show them on their profile. */
  async publicOf(actor: Actor | undefined, handle: string): Promise<FolderList> {
    const member = await this.members.findProfileByHandle(handle);
    if (!member) throw NotFound('Member');
    if (actor?.memberId !== member.id && !(await this.folders.showsPublicFolders(member.id))) return { items: [] };
    return { items: (await this.folders.listByOwner(member.id, true)).map(toFolderSummary) };
  }

  async update(actor: Actor, id: string, input: UpdateFolderRequest): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      const folder = await this.lockOwn(tx, actor, id);
      if (input.coverResourceId && !(await this.folders.itemIds(tx, id)).includes(input.coverResourceId)) {
        throw ValidationFailed([{ path: 'coverResourceId', message: 'Kies een leermiddel uit deze map / Choose a resource from this folder' }]);
      }
      const visibility = input.visibility ?? folder.visibility;
      await this.folders.update(tx, id, {
        ...input,
        // A new link each time sharing by link starts; old links stop working when it ends.
        shareToken: visibility === 'link' ? (folder.visibility === 'link' ? folder.shareToken : randomToken()) : null,
      });
      if (folder.visibility === 'public' && visibility !== 'public') await this.folders.dropFollowers(tx, id);
    });
    return this.view(actor, id);
  }

  async rotateShareLink(actor: Actor, id: string): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      const folder = await this.lockOwn(tx, actor, id);
      if (folder.visibility !== 'link') throw Conflict('The folder is not shared by link.');
      await this.folders.update(tx, id, { shareToken: randomToken() });
    });
    return this.view(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (tx) => {
      await this.lockOwn(tx, actor, id);
      await this.folders.delete(tx, id);
    });
  }

  /** Adds a resource the owner may read; it also becomes one of their favourites. */
  async addItem(actor: Actor, id: string, resourceId: string): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      const folder = await this.lockOwn(tx, actor, id);
      const resource = await this.resources.lock(tx, resourceId);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
      if ((await this.folders.itemIds(tx, id)).length >= MAX_ITEMS) throw Conflict(`A folder holds at most ${MAX_ITEMS} resources.`);
      const added = await this.folders.addItem(tx, id, resourceId);
      if (resource.state === 'published') await this.favourites.add(tx, actor.memberId, resourceId);
      if (added && folder.visibility === 'public' && resource.state === 'published') {
        const followers = await this.folders.followerIds(tx, id);
        await this.notifications.notify(tx, followers.map((recipientId) => ({ recipientId, type: 'folder_new_resource' as const, actorId: actor.memberId, resourceId, folderId: id })));
      }
    });
    return this.view(actor, id);
  }

  async removeItem(actor: Actor, id: string, resourceId: string): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      await this.lockOwn(tx, actor, id);
      if (!(await this.folders.removeItem(tx, id, resourceId))) throw NotFound('Folder item');
    });
    return this.view(actor, id);
  }

  /** Sets the order; the list must name every item of the folder exactly once. */
  async reorder(actor: Actor, id: string, resourceIds: string[]): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      await this.lockOwn(tx, actor, id);
      const current = await this.folders.itemIds(tx, id);
      const same = resourceIds.length === current.length && new Set(resourceIds).size === resourceIds.length && resourceIds.every((rid) => current.includes(rid));
      if (!same) throw ValidationFailed([{ path: 'resourceIds', message: 'Noem elk leermiddel van de map precies één keer / List every resource of the folder exactly once' }]);
      await this.folders.setOrder(tx, id, resourceIds);
    });
    return this.view(actor, id);
  }

  async moveItem(actor: Actor, id: string, resourceId: string, toFolderId: string): Promise<FolderDetail> {
    if (toFolderId === id) throw ValidationFailed([{ path: 'toFolderId', message: 'Kies een andere map / Choose another folder' }]);
    await this.tx.run(async (tx) => {
      // Lock both folders in a fixed order so concurrent moves cannot deadlock.
      for (const folderId of [id, toFolderId].sort()) await this.lockOwn(tx, actor, folderId);
      if (!(await this.folders.removeItem(tx, id, resourceId))) throw NotFound('Folder item');
      await this.folders.addItem(tx, toFolderId, resourceId);
    });
    return this.view(actor, toFolderId);
  }

  /** Copies a folder the actor may see into a new private folder of their own (readable items only). */
  async copy(actor: Actor, id: string, token?: string): Promise<FolderDetail> {
    const source = await this.folders.find(id);
    if (!source || !FolderPolicy.canView(actor, source, token)) throw NotFound('Folder');
    const items = (await this.folders.items(id)).filter((item) => ResourcePolicy.canRead(actor, item.resource));
    const copy = await this.tx.run(async (tx) => {
      const created = await this.folders.create(tx, { ownerId: actor.memberId, name: `${source.name} (kopie)`.slice(0, 100), description: source.description, visibility: 'private', shareToken: null });
      for (const item of items) await this.folders.addItem(tx, created.id, item.resourceId);
      return created;
    });
    return this.view(actor, copy.id);
  }

  async follow(actor: Actor, id: string): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      const folder = await this.folders.lock(tx, id);
      if (!folder || !FolderPolicy.canView(actor, folder)) throw NotFound('Folder');
      if (!FolderPolicy.canFollow(actor, folder)) throw Forbidden('Only public folders of other members can be followed.');
      await this.folders.follow(tx, actor.memberId, id);
    });
    return this.view(actor, id);
  }

  async unfollow(actor: Actor, id: string): Promise<FolderDetail> {
    await this.tx.run(async (tx) => {
      const folder = await this.folders.lock(tx, id);
      if (!folder || !FolderPolicy.canView(actor, folder)) throw NotFound('Folder');
      await this.folders.unfollow(tx, actor.memberId, id);
    });
    return this.view(actor, id);
  }

  private async lockOwn(tx: Tx, actor: Actor, id: string): Promise<FolderAccessInfo> {
    const folder = await this.folders.lock(tx, id);
    if (!folder || !FolderPolicy.canView(actor, folder)) throw NotFound('Folder');
    if (!FolderPolicy.canEdit(actor, folder)) throw Forbidden('Only the owner changes a folder.');
    return folder;
  }

  private async detail(actor: Actor | undefined, row: FolderRow): Promise<FolderDetail> {
    const items = (await this.folders.items(row.id)).filter((item) => ResourcePolicy.canRead(actor, item.resource)).map((item) => toResourceSummary(item.resource));
    const following = actor ? await this.folders.isFollowing(actor.memberId, row.id) : false;
    return toFolderDetail(row, actor, items, following);
  }
}
