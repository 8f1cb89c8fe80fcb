import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PoliciesAdminController } from './policies-admin.controller.js';
import { PoliciesController } from './policies.controller.js';
import { PoliciesRepository } from './policies.repository.js';
import { PoliciesService } from './policies.service.js';
import { PolicyGate } from './policy-gate.guard.js';

/** The privacy statement's versions, members' acceptances and the gate that waits for them. */
@Module({
  controllers: [PoliciesController, PoliciesAdminController],
  providers: [PoliciesRepository, PoliciesService, { provide: APP_GUARD, useClass: PolicyGate }],
})
export class PoliciesModule {}
