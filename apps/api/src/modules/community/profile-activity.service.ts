import { Injectable } from '@nestjs/common';
import type { Page } from '@lesplein/contracts/common';
import type { ProfileActivity, ProfileUsageSettings, UpdateProfileUsageSettings } from '@lesplein/contracts/profile';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { NotFound } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { toResourceSummary } from '../resources/resource.mapper.js';
import { ProfileActivityRepository } from './profile-activity.repository.js';

/** The usage data a member's profile shows, only as far as the member chooses (the member always sees it all). */
@Injectable()
export class ProfileActivityService {
  constructor(private readonly activity: ProfileActivityRepository) {}

  async settings(actor: Actor): Promise<ProfileUsageSettings> {
    const settings = await this.activity.settings(actor.memberId);
    if (!settings) throw NotFound('Member');
    return settings;
  }

  async update(actor: Actor, changes: UpdateProfileUsageSettings): Promise<ProfileUsageSettings> {
    await this.activity.update(actor.memberId, changes);
    return this.settings(actor);
  }

  async resources(actor: Actor | undefined, handle: string, query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    const member = await this.member(handle);
    if (!member.showResources && actor?.memberId !== member.id) throw NotFound('List');
    const rows = await this.activity.publishedBy(member.id, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.publishedAt ?? row.createdAt, id: row.id }));
    return { items: page.items.map(toResourceSummary), nextCursor: page.nextCursor };
  }

  async overview(actor: Actor | undefined, handle: string): Promise<ProfileActivity> {
    const member = await this.member(handle);
    const self = actor?.memberId === member.id;
    const comments = member.showComments || self ? await this.activity.recentComments(member.id) : null;
    return {
      favouritesCount: member.showFavouritesCount || self ? await this.activity.favouritesCount(member.id) : null,
      comments: comments?.map((comment) => ({ id: comment.id, resource: comment.resource, excerpt: comment.body.slice(0, 200), createdAt: comment.createdAt.toISOString() })) ?? null,
    };
  }

  private async member(handle: string) {
    const member = await this.activity.memberByHandle(handle);
    if (!member) throw NotFound('Member');
    return member;
  }
}
