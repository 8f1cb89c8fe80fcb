import { Controller, Delete, Get, Headers, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, SkipCsrf } from '../../../core/auth/auth.decorators.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract } from '../../../core/validation/zod.js';
import { PartnerApiService } from './partner-api.service.js';

/**
 * The partner API (version 1), authorised by a member's access token (Bearer), not by a session
 * cookie: no CSRF token applies. See docs/partners/.
 */
@ApiTags('partner-api')
@Controller('partner-api/v1')
@Public()
@SkipCsrf()
export class PartnerApiController {
  constructor(private readonly partnerApi: PartnerApiService) {}

  @Get('me')
  @RateLimit('partner-api', 600, 60)
  @ApiContract({ summary: 'The member\'s data in the categories they granted (the same claims as userinfo)' })
  me(@Headers('authorization') authorization: string | undefined): Promise<Record<string, unknown>> {
    return this.partnerApi.me(authorization);
  }

  @Delete('me/consent')
  @HttpCode(204)
  @RateLimit('partner-api', 600, 60)
  @ApiContract({ summary: 'The partner ends the member\'s consent: every token ends and the member is told', status: 204 })
  async withdraw(@Headers('authorization') authorization: string | undefined): Promise<void> {
    await this.partnerApi.withdraw(authorization);
  }
}
