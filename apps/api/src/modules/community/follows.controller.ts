import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@lesplein/contracts/common';
import { BlockState, Feed, FollowSettings, FollowState, MemberList } from '@lesplein/contracts/follow';
import { HandleParam } from '@lesplein/contracts/profile';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZodPipe, ZParams, ZQuery } from '../../core/validation/zod.js';
import { FeedService } from './feed.service.js';
import { FollowsService } from './follows.service.js';

@ApiTags('follows')
@Controller('api')
export class FollowsController {
  constructor(
    private readonly follows: FollowsService,
    private readonly feed: FeedService,
  ) {}

  @Public()
  @Get('members/:handle/follow')
  @ApiContract({ params: HandleParam, response: FollowState, summary: 'Follower count, and whether I follow this member' })
  state(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }): Promise<FollowState> {
    return this.follows.state(actor, params.handle);
  }

  @Put('members/:handle/follow')
  @RateLimit('follow', 200, 3600)
  @ApiContract({ params: HandleParam, response: FollowState, summary: 'Follow a member' })
  follow(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }): Promise<FollowState> {
    return this.follows.follow(actor, params.handle);
  }

  @Delete('members/:handle/follow')
  @ApiContract({ params: HandleParam, response: FollowState, summary: 'Stop following a member' })
  unfollow(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }): Promise<FollowState> {
    return this.follows.unfollow(actor, params.handle);
  }

  @Public()
  @Get('members/:handle/followers')
  @ApiContract({ params: HandleParam, query: PageQuery, response: MemberList, summary: "A member's followers (when they show them)" })
  followers(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<MemberList> {
    return this.follows.followers(actor, params.handle, query);
  }

  @Public()
  @Get('members/:handle/following')
  @ApiContract({ params: HandleParam, query: PageQuery, response: MemberList, summary: 'Whom a member follows (when they show it)' })
  following(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<MemberList> {
    return this.follows.following(actor, params.handle, query);
  }

  @Get('account/follow-settings')
  @ApiContract({ response: FollowSettings })
  settings(@CurrentActor() actor: Actor): Promise<FollowSettings> {
    return this.follows.settings(actor);
  }

  @Put('account/follow-settings')
  @ApiContract({ body: FollowSettings, response: FollowSettings, summary: 'Show or hide my followers and followed members' })
  setSettings(@CurrentActor() actor: Actor, @Body(new ZodPipe(FollowSettings)) body: { showFollows: boolean }): Promise<FollowSettings> {
    return this.follows.setSettings(actor, body);
  }

  @Get('members/:handle/block')
  @ApiContract({ params: HandleParam, response: BlockState, summary: 'Whether I blocked this member' })
  blockState(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }): Promise<BlockState> {
    return this.follows.blockState(actor, params.handle);
  }

  @Put('members/:handle/block')
  @RateLimit('block', 100, 3600)
  @ApiContract({ params: HandleParam, response: BlockState, summary: 'Block a member: no messages, follows or mentions from them' })
  block(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }): Promise<BlockState> {
    return this.follows.block(actor, params.handle);
  }

  @Delete('members/:handle/block')
  @ApiContract({ params: HandleParam, response: BlockState, summary: 'Unblock a member' })
  unblock(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }): Promise<BlockState> {
    return this.follows.unblock(actor, params.handle);
  }

  @Get('account/blocks')
  @ApiContract({ response: MemberList, summary: 'Members I blocked' })
  blocks(@CurrentActor() actor: Actor): Promise<MemberList> {
    return this.follows.blocks(actor);
  }

  @Get('feed')
  @ApiContract({ query: PageQuery, response: Feed, summary: 'New resources of members and folders I follow' })
  myFeed(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<Feed> {
    return this.feed.page(actor, query);
  }
}
