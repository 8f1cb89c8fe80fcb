import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommentIdParam, CommentThread, CommentView, CreateCommentRequest, HideCommentRequest, UpdateCommentRequest } from '@lesplein/contracts/comment';
import { Ok, PageQuery } from '@lesplein/contracts/common';
import { ResourceIdParam } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public, Roles } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { CommentsService } from './comments.service.js';

@ApiTags('comments')
@Controller('api')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Public()
  @Get('resources/:id/comments')
  @ApiContract({ params: ResourceIdParam, query: PageQuery, response: CommentThread, summary: 'Comments on a resource, oldest first, with their replies' })
  thread(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceIdParam) params: { id: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<CommentThread> {
    return this.comments.thread(actor, params.id, query);
  }

  @Post('resources/:id/comments')
  @RateLimit('comment', 30, 600)
  @ApiContract({ params: ResourceIdParam, body: CreateCommentRequest, response: CommentView, status: 201, summary: 'Comment on a published resource, or reply to a top-level comment' })
  create(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }, @ZBody(CreateCommentRequest) body: { body: string; parentId?: string }): Promise<CommentView> {
    return this.comments.create(actor, params.id, body);
  }

  @Patch('comments/:id')
  @RateLimit('comment-edit', 60, 600)
  @ApiContract({ params: CommentIdParam, body: UpdateCommentRequest, response: CommentView, summary: 'Edit my comment (marked as edited)' })
  update(@CurrentActor() actor: Actor, @ZParams(CommentIdParam) params: { id: string }, @ZBody(UpdateCommentRequest) body: { body: string }): Promise<CommentView> {
    return this.comments.update(actor, params.id, body);
  }

  @Delete('comments/:id')
  @ApiContract({ params: CommentIdParam, response: Ok, summary: 'Delete my comment (a placeholder stays while it has replies)' })
  async remove(@CurrentActor() actor: Actor, @ZParams(CommentIdParam) params: { id: string }): Promise<Ok> {
    await this.comments.remove(actor, params.id);
    return { ok: true };
  }

  @Roles('moderator', 'admin')
  @Post('comments/:id/hide')
  @HttpCode(200)
  @ApiContract({ params: CommentIdParam, body: HideCommentRequest, response: CommentView, summary: 'Moderators: hide a comment with a reason' })
  hide(@CurrentActor() actor: Actor, @ZParams(CommentIdParam) params: { id: string }, @ZBody(HideCommentRequest) body: { reason: string }): Promise<CommentView> {
    return this.comments.hide(actor, params.id, body);
  }

  @Roles('moderator', 'admin')
  @Post('comments/:id/unhide')
  @HttpCode(200)
  @ApiContract({ params: CommentIdParam, response: CommentView, summary: 'Moderators: show a hidden comment again' })
  unhide(@CurrentActor() actor: Actor, @ZParams(CommentIdParam) params: { id: string }): Promise<CommentView> {
    return this.comments.unhide(actor, params.id);
  }
}
