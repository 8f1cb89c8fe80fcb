import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptPolicyVersion, MyPolicyStatus, PolicyVersionParam, PolicyVersionView, PrivacyPolicyPage } from '@lesplein/contracts/privacy-policy';
import type { Actor } from '../../core/auth/actor.js';
import { AllowPendingPolicyAcceptance, AllowPendingSecondFactor, CurrentActor, Public } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZBody, ZParams } from '../../core/validation/zod.js';
import { PoliciesService } from './policies.service.js';

@ApiTags('privacy policy')
@Controller('api')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Public()
  @Get('privacy-policy')
  @ApiContract({ response: PrivacyPolicyPage, summary: 'The current privacy statement and the list of every version (public)' })
  page(): Promise<PrivacyPolicyPage> {
    return this.policies.page();
  }

  @Public()
  @Get('privacy-policy/versions/:version')
  @ApiContract({ params: PolicyVersionParam, response: PolicyVersionView, summary: 'One version of the privacy statement (public)' })
  version(@ZParams(PolicyVersionParam) params: { version: number }): Promise<PolicyVersionView> {
    return this.policies.version(params.version);
  }

  @AllowPendingPolicyAcceptance()
  @AllowPendingSecondFactor()
  @Get('account/privacy-policy')
  @ApiContract({ response: MyPolicyStatus, summary: 'What changed in the privacy statement since I last read it, and whether I must accept it' })
  status(@CurrentActor() actor: Actor): Promise<MyPolicyStatus> {
    return this.policies.myStatus(actor);
  }

  @AllowPendingPolicyAcceptance()
  @AllowPendingSecondFactor()
  @Post('account/privacy-policy/acceptances')
  @HttpCode(200)
  @ApiContract({ body: AcceptPolicyVersion, response: MyPolicyStatus, summary: 'Accept (or mark as read) the current version of the privacy statement' })
  accept(@CurrentActor() actor: Actor, @ZBody(AcceptPolicyVersion) body: { version: number }): Promise<MyPolicyStatus> {
    return this.policies.accept(actor, body.version);
  }
}
