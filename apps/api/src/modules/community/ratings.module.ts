import { Module } from '@nestjs/common';
import { RatingsController } from './ratings.controller.js';
import { RatingsRepository } from './ratings.repository.js';
import { RatingsService } from './ratings.service.js';

/** Scores from 1 to 5 on resources, with exact average and count. */
@Module({
  controllers: [RatingsController],
  providers: [RatingsRepository, RatingsService],
})
export class RatingsModule {}
