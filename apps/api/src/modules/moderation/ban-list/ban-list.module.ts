import { Module } from '@nestjs/common';
import { PartnersModule } from '../../partners/partners.module.js';
import { BanListRightGuard } from './ban-list-right.guard.js';
import { BanListController } from './ban-list.controller.js';
import { BanListRepository } from './ban-list.repository.js';
import { BanListService } from './ban-list.service.js';

/**
 * The ban list (part of moderation; ModerationModule imports it). Imports PartnersModule for the
 * consent withdrawal of banned accounts; PartnersModule imports no module, so there is no cycle.
 * Accounts check the list without this module: `banHashesOf` (ban-hashes.ts) and
 * MembersRepository.isBanned read the same table.
 */
@Module({
  imports: [PartnersModule],
  controllers: [BanListController],
  providers: [BanListRepository, BanListService, BanListRightGuard],
  exports: [BanListService],
})
export class BanListModule {}
