import { Module } from '@nestjs/common';
import { PlatformSettingsRepository } from './platform-settings.repository.js';
import { PreModeration } from './pre-moderation.js';

/** The pre-moderation setting, used by resources (publishing) and moderation (the review queue). */
@Module({
  providers: [PlatformSettingsRepository, PreModeration],
  exports: [PlatformSettingsRepository, PreModeration],
})
export class PreModerationModule {}
