import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { FavouritesController } from './favourites.controller.js';
import { FeedRepository } from './feed.repository.js';
import { FeedService } from './feed.service.js';
import { FollowsController } from './follows.controller.js';
import { FollowsRepository } from './follows.repository.js';
import { FollowsService } from './follows.service.js';
import { FavouritesRepository } from './favourites.repository.js';
import { FavouritesService } from './favourites.service.js';
import { FoldersController } from './folders.controller.js';
import { ProfileActivityController } from './profile-activity.controller.js';
import { ProfileActivityRepository } from './profile-activity.repository.js';
import { ProfileActivityService } from './profile-activity.service.js';
import { FoldersRepository } from './folders.repository.js';
import { FoldersService } from './folders.service.js';

/** The social side: favourites, folders, follows, blocks and the feed. */
@Module({
  imports: [ResourcesModule, AccountsModule, NotificationsModule],
  controllers: [FavouritesController, FoldersController, FollowsController, ProfileActivityController],
  providers: [FavouritesRepository, FavouritesService, FoldersRepository, FoldersService, FollowsRepository, FollowsService, FeedRepository, FeedService, ProfileActivityRepository, ProfileActivityService],
  exports: [FollowsRepository],
})
export class CommunityModule {}
