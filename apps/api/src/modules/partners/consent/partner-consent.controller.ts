import { Controller, Get, HttpCode, Post, Res, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConsentDecision, ConsentRedirect, ConsentRequestView } from '@lesplein/contracts/partner';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Public } from '../../../core/auth/auth.decorators.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams } from '../../../core/validation/zod.js';
import { PartnerConsentService } from './partner-consent.service.js';

const InteractionParam = z.strictObject({ uid: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Ongeldige aanvraag / Invalid request') });

/**
 * The provider sends the browser to GET /api/partner-consent/:uid (its interaction cookie is
 * scoped to that path); we pass it on to the consent page of the web client, which reads and
 * answers the request below that path, so the cookie travels with every call.
 */
@ApiTags('partners')
@Controller('api/partner-consent')
export class PartnerConsentController {
  constructor(private readonly consents: PartnerConsentService) {}

  @Public()
  @Get(':uid')
  @ApiContract({ params: InteractionParam, summary: 'Browser entry from the OpenID Connect provider: redirects to the consent page', status: 303 })
  enter(@ZParams(InteractionParam) params: { uid: string }, @Res() reply: FastifyReply): void {
    void reply.header('cache-control', 'no-store').redirect(`/consent/${params.uid}`, 303);
  }

  @Get(':uid/details')
  @ApiContract({ params: InteractionParam, response: ConsentRequestView, summary: 'What a partner asks for, for the consent screen' })
  details(@CurrentActor() actor: Actor, @ZParams(InteractionParam) params: { uid: string }, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConsentRequestView> {
    void reply.header('cache-control', 'no-store');
    return this.consents.request(actor, params.uid, { req: request.raw, res: reply.raw });
  }

  @Post(':uid/decision')
  @HttpCode(200)
  @RateLimit('partner-consent', 30, 600)
  @ApiContract({ params: InteractionParam, body: ConsentDecision, response: ConsentRedirect, summary: 'The member allows (some categories) or refuses; returns where the browser continues' })
  decide(
    @CurrentActor() actor: Actor,
    @ZParams(InteractionParam) params: { uid: string },
    @ZBody(ConsentDecision) body: ConsentDecision,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentRedirect> {
    return this.consents.decide(actor, params.uid, body, { req: request.raw, res: reply.raw });
  }
}
