import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, PageQuery } from '@lesplein/contracts/common';
import { HandleParam, ProfileActivity, ProfileUsageSettings, UpdateProfileUsageSettings } from '@lesplein/contracts/profile';
import { ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZodPipe, ZParams, ZQuery } from '../../core/validation/zod.js';
import { ProfileActivityService } from './profile-activity.service.js';

@ApiTags('members')
@Controller('api')
export class ProfileActivityController {
  constructor(private readonly activity: ProfileActivityService) {}

  @Get('account/profile-usage')
  @ApiContract({ response: ProfileUsageSettings, summary: 'Which usage data my public profile shows' })
  settings(@CurrentActor() actor: Actor): Promise<ProfileUsageSettings> {
    return this.activity.settings(actor);
  }

  @Patch('account/profile-usage')
  @ApiContract({ body: UpdateProfileUsageSettings, response: ProfileUsageSettings })
  update(@CurrentActor() actor: Actor, @Body(new ZodPipe(UpdateProfileUsageSettings)) body: Partial<ProfileUsageSettings>): Promise<ProfileUsageSettings> {
    return this.activity.update(actor, body);
  }

  @Public()
  @Get('members/:handle/resources')
  @ApiContract({ params: HandleParam, query: PageQuery, response: Page(ResourceSummary), summary: "A member's published resources (when they show them)" })
  resources(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    return this.activity.resources(actor, params.handle, query);
  }

  @Public()
  @Get('members/:handle/activity')
  @ApiContract({ params: HandleParam, response: ProfileActivity, summary: "A member's favourites count and recent comments (each only when they show it)" })
  overview(@OptionalActor() actor: Actor | undefined, @ZParams(HandleParam) params: { handle: string }): Promise<ProfileActivity> {
    return this.activity.overview(actor, params.handle);
  }
}
