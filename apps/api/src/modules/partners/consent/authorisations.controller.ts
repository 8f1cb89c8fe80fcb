import { Controller, Delete, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@lesplein/contracts/common';
import { AuthorisationList, DisclosurePage, WithdrawnCount } from '@lesplein/contracts/partner';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor } from '../../../core/auth/auth.decorators.js';
import { contentDisposition } from '../../../core/http/content-disposition.js';
import { ApiContract, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { AuthorisationsService } from './authorisations.service.js';

const ConsentParam = z.strictObject({ consentId: z.uuid() });

@ApiTags('partners')
@Controller('api/account/authorisations')
export class AuthorisationsController {
  constructor(private readonly authorisations: AuthorisationsService) {}

  @Get()
  @ApiContract({ response: AuthorisationList, summary: 'Partners the member authorised (active and withdrawn)' })
  list(@CurrentActor() actor: Actor): Promise<AuthorisationList> {
    return this.authorisations.list(actor);
  }

  @Get(':consentId/disclosures')
  @ApiContract({ params: ConsentParam, query: PageQuery, response: DisclosurePage, summary: 'When the partner received which categories, newest first' })
  disclosures(@CurrentActor() actor: Actor, @ZParams(ConsentParam) params: { consentId: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<DisclosurePage> {
    return this.authorisations.disclosures(actor, params.consentId, query);
  }

  @Get(':consentId/receipt')
  @ApiContract({ params: ConsentParam, summary: 'The consent receipt (JSON, Kantara / ISO/IEC TS 27560 style) as a download' })
  async receipt(@CurrentActor() actor: Actor, @ZParams(ConsentParam) params: { consentId: string }, @Res() reply: FastifyReply): Promise<void> {
    const receipt = await this.authorisations.receipt(actor, params.consentId);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(`consent-receipt-${params.consentId}.json`, 'attachment'))
      .header('cache-control', 'no-store')
      .send(JSON.stringify(receipt, null, 2));
  }

  @Delete(':consentId')
  @ApiContract({ params: ConsentParam, response: WithdrawnCount, summary: 'Revoke one authorisation: the partner\'s tokens end at once' })
  revoke(@CurrentActor() actor: Actor, @ZParams(ConsentParam) params: { consentId: string }): Promise<WithdrawnCount> {
    return this.authorisations.revoke(actor, params.consentId);
  }

  @Delete()
  @ApiContract({ response: WithdrawnCount, summary: 'Revoke every authorisation' })
  revokeAll(@CurrentActor() actor: Actor): Promise<WithdrawnCount> {
    return this.authorisations.revokeAll(actor);
  }
}
