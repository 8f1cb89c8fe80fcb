import { Controller, Delete, Get, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AddBanEntryRequest, BanEntryAdded, BanEntryAddress, BanEntryIdParam, BanEntryPage } from '@lesplein/contracts/ban-list';
import { Ok, PageQuery } from '@lesplein/contracts/common';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../../core/auth/auth.decorators.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { BanListRightGuard } from './ban-list-right.guard.js';
import { BanListService, type NewBanEntry } from './ban-list.service.js';

const OK: Ok = { ok: true };

/** The ban list: admins, and moderators with the ban-list right (a guard, before validation). */
@ApiTags('moderation')
@Roles('moderator', 'admin')
@UseGuards(BanListRightGuard)
@Controller('api/moderation/ban-list')
export class BanListController {
  constructor(private readonly banList: BanListService) {}

  @Get()
  @ApiContract({ query: PageQuery, response: BanEntryPage, summary: 'Ban-list right: the entries, newest first (never the addresses)' })
  list(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<BanEntryPage> {
    return this.banList.list(actor, query);
  }

  @Post()
  @RateLimit('ban-list-add', 60, 3600)
  @ApiContract({ body: AddBanEntryRequest, response: BanEntryAdded, status: 201, summary: 'Ban-list right: ban an address; an account with it is locked at once (409 when already listed)' })
  add(@CurrentActor() actor: Actor, @ZBody(AddBanEntryRequest) body: NewBanEntry): Promise<BanEntryAdded> {
    return this.banList.add(actor, body);
  }

  @Get(':id/address')
  @RateLimit('ban-list-address', 60, 3600)
  @ApiContract({ params: BanEntryIdParam, response: BanEntryAddress, summary: 'Ban-list right: the kept address of an entry (each read is logged; 404 when none was kept)' })
  address(@CurrentActor() actor: Actor, @ZParams(BanEntryIdParam) params: { id: string }): Promise<BanEntryAddress> {
    return this.banList.readAddress(actor, params.id);
  }

  @Delete(':id')
  @ApiContract({ params: BanEntryIdParam, response: Ok, summary: 'Ban-list right: remove an entry (locked accounts stay locked)' })
  async remove(@CurrentActor() actor: Actor, @ZParams(BanEntryIdParam) params: { id: string }): Promise<Ok> {
    await this.banList.remove(actor, params.id);
    return OK;
  }
}
