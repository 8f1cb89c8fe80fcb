import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminPolicyVersion, AdminPolicyVersionList, PublishPolicyVersion } from '@lesplein/contracts/privacy-policy';
import type { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZBody } from '../../core/validation/zod.js';
import { PoliciesService } from './policies.service.js';

// A plain alias (not the contract's name, which is also a value) keeps the parameter metadata simple.
type PublishInput = z.infer<typeof PublishPolicyVersion>;

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/privacy-policy/versions')
export class PoliciesAdminController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @ApiContract({ response: AdminPolicyVersionList, summary: 'Admins: every version of the privacy statement with its sources and number of acceptances' })
  list(): Promise<AdminPolicyVersionList> {
    return this.policies.adminList();
  }

  @Post()
  @ApiContract({ body: PublishPolicyVersion, response: AdminPolicyVersion, status: 201, summary: 'Admins: publish a new version of the privacy statement (audited; a substantial one must be accepted at the next log-in)' })
  publish(@CurrentActor() actor: Actor, @ZBody(PublishPolicyVersion) body: PublishInput): Promise<AdminPolicyVersion> {
    return this.policies.publish(actor, body);
  }
}
