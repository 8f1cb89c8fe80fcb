import { Module } from '@nestjs/common';
import { PrivacyRequestsAdminController } from './privacy-requests-admin.controller.js';
import { PrivacyRequestsController } from './privacy-requests.controller.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';
import { PrivacyRequestsService } from './privacy-requests.service.js';

/** Requests to the data protection officer and feedback: the form, the admins' queue, the purge. */
@Module({
  controllers: [PrivacyRequestsController, PrivacyRequestsAdminController],
  providers: [PrivacyRequestsRepository, PrivacyRequestsService],
})
export class PrivacyRequestsModule {}
