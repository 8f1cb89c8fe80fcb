import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnerIdParam, PublicPartnerList, PublicPartnerView } from '@lesplein/contracts/partner';
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
}
