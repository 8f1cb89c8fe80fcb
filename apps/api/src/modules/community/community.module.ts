import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { FavouritesController } from './favourites.controller.js';
import { FavouritesRepository } from './favourites.repository.js';
import { FavouritesService } from './favourites.service.js';
import { FoldersController } from './folders.controller.js';
import { FoldersRepository } from './folders.repository.js';
import { FoldersService } from './folders.service.js';

/** The social side: favourites and folders (ratings, comments, follows and more follow). */
@Module({
  imports: [ResourcesModule, AccountsModule],
  controllers: [FavouritesController, FoldersController],
  providers: [FavouritesRepository, FavouritesService, FoldersRepository, FoldersService],
})
export class CommunityModule {}
