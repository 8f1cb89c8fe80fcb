import { Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok } from '@lesplein/contracts/common';
import {
  AddFolderItemRequest,
  CreateFolderRequest,
  FolderDetail,
  FolderIdParam,
  FolderItemParam,
  FolderList,
  MoveFolderItemRequest,
  MyFoldersQuery,
  ReorderFolderRequest,
  ShareTokenParam,
  UpdateFolderRequest,
} from '@lesplein/contracts/folder';
import { HandleParam } from '@lesplein/contracts/profile';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { FoldersService } from './folders.service.js';

const TokenQuery = z.strictObject({ token: ShareTokenParam.shape.token.optional() });

@ApiTags('folders')
@Controller('api')
export class FoldersController {
  constructor(private readonly folders: FoldersService) {}

  @Post('folders')
  @RateLimit('folder-create', 100, 3600)
  @ApiContract({ body: CreateFolderRequest, response: FolderDetail, status: 201, summary: 'Create a folder (private by default)' })
  create(@CurrentActor() actor: Actor, @ZBody(CreateFolderRequest) body: Parameters<FoldersService['create']>[1]): Promise<FolderDetail> {
    return this.folders.create(actor, body);
  }

  @Get('account/folders')
  @ApiContract({ query: MyFoldersQuery, response: FolderList, summary: 'My folders (with ?resourceId=: whether each holds that resource)' })
  mine(@CurrentActor() actor: Actor, @ZQuery(MyFoldersQuery) query: { resourceId?: string }): Promise<FolderList> {
    return this.folders.mine(actor, query.resourceId);
  }

  @Public()
  @Get('members/:handle/folders')
  @ApiContract({ params: HandleParam, response: FolderList, summary: "A member's public folders" })
  publicOf(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }): Promise<FolderList> {
    return this.folders.publicOf(actor, params.handle);
  }

  @Public()
  @Get('folders/shared/:token')
  @ApiContract({ params: ShareTokenParam, response: FolderDetail, summary: 'A folder shared by link' })
  shared(@OptionalActor() actor: Actor | undefined, @ZParams(ShareTokenParam) params: { token: string }): Promise<FolderDetail> {
    return this.folders.viewShared(actor, params.token);
  }

  @Public()
  @Get('folders/:id')
  @ApiContract({ params: FolderIdParam, query: TokenQuery, response: FolderDetail, summary: 'A folder (owner, public, or with the share token)' })
  view(@OptionalActor() actor: Actor | undefined, @ZParams(FolderIdParam) params: { id: string }, @ZQuery(TokenQuery) query: { token?: string }): Promise<FolderDetail> {
    return this.folders.view(actor, params.id, query.token);
  }

  @Patch('folders/:id')
  @ApiContract({ params: FolderIdParam, body: UpdateFolderRequest, response: FolderDetail, summary: 'Rename, describe, change visibility or cover' })
  update(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }, @ZBody(UpdateFolderRequest) body: UpdateFolderRequest): Promise<FolderDetail> {
    return this.folders.update(actor, params.id, body);
  }

  @Post('folders/:id/share-link')
  @HttpCode(200)
  @ApiContract({ params: FolderIdParam, response: FolderDetail, summary: 'Replace the share link (the old one stops working)' })
  rotate(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }): Promise<FolderDetail> {
    return this.folders.rotateShareLink(actor, params.id);
  }

  @Delete('folders/:id')
  @ApiContract({ params: FolderIdParam, response: Ok, summary: 'Delete my folder (the resources stay)' })
  async remove(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }): Promise<Ok> {
    await this.folders.remove(actor, params.id);
    return { ok: true };
  }

  @Post('folders/:id/items')
  @HttpCode(200)
  @RateLimit('folder-items', 600, 3600)
  @ApiContract({ params: FolderIdParam, body: AddFolderItemRequest, response: FolderDetail, summary: 'Add a resource (it also becomes a favourite)' })
  addItem(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }, @ZBody(AddFolderItemRequest) body: { resourceId: string }): Promise<FolderDetail> {
    return this.folders.addItem(actor, params.id, body.resourceId);
  }

  @Delete('folders/:id/items/:resourceId')
  @ApiContract({ params: FolderItemParam, response: FolderDetail, summary: 'Take a resource out of the folder' })
  removeItem(@CurrentActor() actor: Actor, @ZParams(FolderItemParam) params: { id: string; resourceId: string }): Promise<FolderDetail> {
    return this.folders.removeItem(actor, params.id, params.resourceId);
  }

  @Put('folders/:id/items/order')
  @ApiContract({ params: FolderIdParam, body: ReorderFolderRequest, response: FolderDetail, summary: 'Reorder the items' })
  reorder(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }, @ZBody(ReorderFolderRequest) body: { resourceIds: string[] }): Promise<FolderDetail> {
    return this.folders.reorder(actor, params.id, body.resourceIds);
  }

  @Post('folders/:id/items/:resourceId/move')
  @HttpCode(200)
  @ApiContract({ params: FolderItemParam, body: MoveFolderItemRequest, response: FolderDetail, summary: 'Move an item to another of my folders' })
  move(@CurrentActor() actor: Actor, @ZParams(FolderItemParam) params: { id: string; resourceId: string }, @ZBody(MoveFolderItemRequest) body: { toFolderId: string }): Promise<FolderDetail> {
    return this.folders.moveItem(actor, params.id, params.resourceId, body.toFolderId);
  }

  @Post('folders/:id/copy')
  @RateLimit('folder-copy', 60, 3600)
  @ApiContract({ params: FolderIdParam, query: TokenQuery, response: FolderDetail, status: 201, summary: 'Copy a folder I can see into a new private folder of mine' })
  copy(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }, @ZQuery(TokenQuery) query: { token?: string }): Promise<FolderDetail> {
    return this.folders.copy(actor, params.id, query.token);
  }

  @Put('folders/:id/follow')
  @ApiContract({ params: FolderIdParam, response: FolderDetail, summary: 'Follow a public folder' })
  follow(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }): Promise<FolderDetail> {
    return this.folders.follow(actor, params.id);
  }

  @Delete('folders/:id/follow')
  @ApiContract({ params: FolderIdParam, response: FolderDetail, summary: 'Stop following a folder' })
  unfollow(@CurrentActor() actor: Actor, @ZParams(FolderIdParam) params: { id: string }): Promise<FolderDetail> {
    return this.folders.unfollow(actor, params.id);
  }
}
