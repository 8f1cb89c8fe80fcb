import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnerIdParam, PublicPartnerList, PublicPartnerView } from '@lesplein/contracts/partner';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZParams } from '../../../core/validation/zod.js';
import { PartnerDirectoryService } from './partner-directory.service.js';

/** Who receives members' data, on what terms: the active partners and their current notices. */
@ApiTags('partners')
@Controller('api/partners')
export class PartnerDirectoryController {
  constructor(private readonly directory: PartnerDirectoryService) {}

  @Public()
  @Get()
  @ApiContract({ response: PublicPartnerList, summary: 'Active partners with their current privacy notice, by name' })
  list(): Promise<PublicPartnerList> {
    return this.directory.list();
  }

  @Public()
  @Get(':id')
  @ApiContract({ params: PartnerIdParam, response: PublicPartnerView, summary: 'One active partner with its current privacy notice' })
  get(@ZParams(PartnerIdParam) params: { id: string }): Promise<PublicPartnerView> {
    return this.directory.get(params.id);
  }

  /**
   * The logo, served by the platform so that members' browsers never contact the partner. Its address
   * carries a version (`?v=`, see partnerLogoPath) that changes with the partner, so it is cached long;
   * the cache headers are set only on success (a 404 is not cached).
   */
  @Public()
  @Get(':id/logo')
  @ApiContract({ params: PartnerIdParam, summary: 'An active partner’s logo (WebP), uploaded by an admin; 404 when it has none or is suspended' })
  async logo(@ZParams(PartnerIdParam) params: { id: string }, @Res() reply: FastifyReply): Promise<void> {
    const logo = await this.directory.logo(params.id);
    await reply
      .header('content-type', logo.mimeType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(logo.bytes);
  }
}
