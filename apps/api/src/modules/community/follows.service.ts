import { Injectable } from '@nestjs/common';
import type { BlockState, FollowSettings, FollowState, MemberList } from '@lesplein/contracts/follow';
import type { Actor } from '../../core/auth/actor.js';
import { Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { MembersRepository } from '../accounts/members.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { FollowsRepository } from './follows.repository.js';

const card = (member: { handle: string; firstName: string; lastName: string }) => ({ handle: member.handle, displayName: `${member.firstName} ${member.lastName}` });

/**
 * Following members, the lists of followers and followed members (visible to others only when
 * the member chooses so), and blocking: a blocked member cannot follow the one who blocked them.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly members: MembersRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
  ) {}

  async follow(actor: Actor, handle: string): Promise<FollowState> {
    const target = await this.memberByHandle(handle);
    if (target.id === actor.memberId) throw ValidationFailed([{ path: 'handle', message: 'Je kunt jezelf niet volgen / You cannot follow yourself' }]);
    if ((await this.follows.isBlocked(target.id, actor.memberId)) || (await this.follows.isBlocked(actor.memberId, target.id))) {
      throw Forbidden('You cannot follow this member.');
    }
    await this.tx.run(async (tx) => {
      if (await this.follows.follow(tx, actor.memberId, target.id)) {
        await this.notifications.notify(tx, [{ recipientId: target.id, type: 'new_follower', actorId: actor.memberId }]);
      }
    });
    return { following: true, followerCount: await this.follows.followerCount(target.id) };
  }

  async unfollow(actor: Actor, handle: string): Promise<FollowState> {
    const target = await this.memberByHandle(handle);
    await this.follows.unfollow(actor.memberId, target.id);
    return { following: false, followerCount: await this.follows.followerCount(target.id) };
  }

  async state(actor: Actor | undefined, handle: string): Promise<FollowState> {
    const target = await this.memberByHandle(handle);
    return { following: actor ? await this.follows.isFollowing(actor.memberId, target.id) : false, followerCount: await this.follows.followerCount(target.id) };
  }

  async followers(actor: Actor | undefined, handle: string, query: { cursor?: string; limit: number }): Promise<MemberList> {
    const target = await this.visibleLists(actor, handle);
    const rows = await this.follows.followers(target.id, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.followerId }));
    return { items: page.items.map((row) => card(row.follower)), nextCursor: page.nextCursor };
  }

  async following(actor: Actor | undefined, handle: string, query: { cursor?: string; limit: number }): Promise<MemberList> {
    const target = await this.visibleLists(actor, handle);
    const rows = await this.follows.following(target.id, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.followeeId }));
    return { items: page.items.map((row) => card(row.followee)), nextCursor: page.nextCursor };
  }

  async settings(actor: Actor): Promise<FollowSettings> {
    return { showFollows: await this.follows.showFollows(actor.memberId) };
  }

  async setSettings(actor: Actor, settings: FollowSettings): Promise<FollowSettings> {
    await this.follows.setShowFollows(actor.memberId, settings.showFollows);
    return settings;
  }

  async block(actor: Actor, handle: string): Promise<BlockState> {
    const target = await this.memberByHandle(handle);
    if (target.id === actor.memberId) throw ValidationFailed([{ path: 'handle', message: 'Je kunt jezelf niet blokkeren / You cannot block yourself' }]);
    await this.follows.block(actor.memberId, target.id);
    return { blocked: true };
  }

  async unblock(actor: Actor, handle: string): Promise<BlockState> {
    const target = await this.memberByHandle(handle);
    await this.follows.unblock(actor.memberId, target.id);
    return { blocked: false };
  }

  async blockState(actor: Actor, handle: string): Promise<BlockState> {
    const target = await this.memberByHandle(handle);
    return { blocked: await this.follows.isBlocked(actor.memberId, target.id) };
  }

  async blocks(actor: Actor): Promise<MemberList> {
    return { items: (await this.follows.blocks(actor.memberId)).map((row) => card(row.blocked)), nextCursor: null };
  }

  private async memberByHandle(handle: string) {
    const member = await this.members.findProfileByHandle(handle);
    if (!member) throw NotFound('Member');
    return member;
  }

  /** The lists are shown to others only when the member chose so (404 otherwise, as if absent). */
  private async visibleLists(actor: Actor | undefined, handle: string) {
    const target = await this.memberByHandle(handle);
    if (actor?.memberId !== target.id && !(await this.follows.showFollows(target.id))) throw NotFound('List');
    return target;
  }
}
