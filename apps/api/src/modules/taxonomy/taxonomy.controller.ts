import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Taxonomy } from '@lesplein/contracts/taxonomy';
import { Public } from '../../core/auth/auth.decorators.js';
import { ApiContract } from '../../core/validation/zod.js';
import { TaxonomyService } from './taxonomy.service.js';

@ApiTags('taxonomy')
@Controller('api/taxonomy')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Public()
  @Get()
  @ApiContract({ response: Taxonomy, summary: 'Education levels and subjects' })
  get(): Promise<Taxonomy> {
    return this.taxonomy.get();
  }
}
