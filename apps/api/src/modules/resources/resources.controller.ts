import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok, Page, PageQuery } from '@lesplein/contracts/common';
import { CreateResourceRequest, HideResourceRequest, ResourceDetail, ResourceIdParam, ResourceSummary, UpdateResourceRequest } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public, Roles } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { ResourcesService } from './resources.service.js';

const ResourcePage = Page(ResourceSummary);

@ApiTags('resources')
@Controller('api/resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Public()
  @Get()
  @ApiContract({ query: PageQuery, response: ResourcePage, summary: 'Latest published resources' })
  latest(@ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    return this.resources.latest(query);
  }

  @Post()
  @RateLimit('resource-create', 60, 3600)
  @ApiContract({ body: CreateResourceRequest, response: ResourceDetail, status: 201, summary: 'Create a draft resource' })
  create(@CurrentActor() actor: Actor, @ZBody(CreateResourceRequest) body: Parameters<ResourcesService['create']>[1]): Promise<ResourceDetail> {
    return this.resources.create(actor, body);
  }

  @Public()
  @Get(':id')
  @ApiContract({ params: ResourceIdParam, response: ResourceDetail, summary: 'A resource (counts a view)' })
  view(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceIdParam) params: { id: string }): Promise<ResourceDetail> {
    return this.resources.view(actor, params.id);
  }

  @Patch(':id')
  @ApiContract({ params: ResourceIdParam, body: UpdateResourceRequest, response: ResourceDetail, summary: 'Edit my resource' })
  update(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }, @ZBody(UpdateResourceRequest) body: UpdateResourceRequest): Promise<ResourceDetail> {
    return this.resources.update(actor, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiContract({ params: ResourceIdParam, response: ResourceDetail, summary: 'Publish my draft' })
  publish(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<ResourceDetail> {
    return this.resources.publish(actor, params.id);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiContract({ params: ResourceIdParam, response: ResourceDetail, summary: 'Turn my published resource back into a draft' })
  unpublish(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<ResourceDetail> {
    return this.resources.unpublish(actor, params.id);
  }

  @Delete(':id')
  @ApiContract({ params: ResourceIdParam, response: Ok, summary: 'Remove my resource (its files are deleted)' })
  async remove(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<Ok> {
    await this.resources.remove(actor, params.id);
    return { ok: true };
  }

  @Roles('moderator', 'admin')
  @Post(':id/hide')
  @HttpCode(200)
  @ApiContract({ params: ResourceIdParam, body: HideResourceRequest, response: ResourceDetail, summary: 'Moderators: hide a published resource with a reason' })
  hide(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }, @ZBody(HideResourceRequest) body: HideResourceRequest): Promise<ResourceDetail> {
    return this.resources.hide(actor, params.id, body);
  }

  @Roles('moderator', 'admin')
  @Post(':id/unhide')
  @HttpCode(200)
  @ApiContract({ params: ResourceIdParam, response: ResourceDetail, summary: 'Moderators: publish a hidden resource again' })
  unhide(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<ResourceDetail> {
    return this.resources.unhide(actor, params.id);
  }
}
