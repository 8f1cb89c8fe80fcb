import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok, Page, PageQuery } from '@lesplein/contracts/common';
import { MyResourcesQuery, ResourceSummary, UploadLimits, ViewedResource, ViewHistoryCleared, ViewHistorySettings, ViewIdParam } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZodPipe, ZParams, ZQuery } from '../../core/validation/zod.js';
import { ResourceFilesService } from './resource-files.service.js';
import { ResourcesService } from './resources.service.js';
import { ViewHistoryService } from './view-history.service.js';


/** The member's own resources, upload quota and viewed-resources history. */
@ApiTags('account')
@Controller('api/account')
export class MyResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly files: ResourceFilesService,
    private readonly history: ViewHistoryService,
  ) {}

  @Get('resources')
  @ApiContract({ query: MyResourcesQuery, response: Page(ResourceSummary), summary: 'My resources (drafts, published, hidden)' })
  mine(@CurrentActor() actor: Actor, @ZQuery(MyResourcesQuery) query: { state?: 'draft' | 'published' | 'hidden'; cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    return this.resources.mine(actor, query);
  }

  @Get('upload-limits')
  @ApiContract({ response: UploadLimits, summary: 'My upload limits and quota use' })
  limits(@CurrentActor() actor: Actor): Promise<UploadLimits> {
    return this.files.limits(actor);
  }

  @Get('viewed')
  @ApiContract({ query: PageQuery, response: Page(ViewedResource), summary: 'Resources I viewed' })
  viewed(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<Page<ViewedResource>> {
    return this.history.list(actor, query);
  }

  @Delete('viewed/:id')
  @ApiContract({ params: ViewIdParam, response: Ok, summary: 'Delete one entry of my history' })
  async forget(@CurrentActor() actor: Actor, @ZParams(ViewIdParam) params: { id: string }): Promise<Ok> {
    await this.history.remove(actor, params.id);
    return { ok: true };
  }

  @Delete('viewed')
  @ApiContract({ response: ViewHistoryCleared, summary: 'Delete my whole viewing history' })
  clear(@CurrentActor() actor: Actor): Promise<{ deleted: number }> {
    return this.history.clear(actor);
  }

  @Get('viewed-settings')
  @ApiContract({ response: ViewHistorySettings })
  settings(@CurrentActor() actor: Actor): Promise<ViewHistorySettings> {
    return this.history.settings(actor);
  }

  @Put('viewed-settings')
  @ApiContract({ body: ViewHistorySettings, response: ViewHistorySettings, summary: 'Pause or resume my viewing history' })
  setSettings(@CurrentActor() actor: Actor, @Body(new ZodPipe(ViewHistorySettings)) body: ViewHistorySettings): Promise<ViewHistorySettings> {
    return this.history.setPaused(actor, body.paused);
  }
}
