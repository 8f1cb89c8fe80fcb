import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SubProcessorList, SubProcessorsPage } from '@lesplein/contracts/incident';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Public, Roles } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZBody } from '../../../core/validation/zod.js';
import { SubProcessorsService } from './sub-processors.service.js';

@ApiTags('administration')
@Controller('api')
export class SubProcessorsController {
  constructor(private readonly subProcessors: SubProcessorsService) {}

  @Public()
  @Get('sub-processors')
  @ApiContract({ response: SubProcessorsPage, summary: 'Who processes members\' data: the operator, its sub-processors and the partners (with consent)' })
  page(): Promise<SubProcessorsPage> {
    return this.subProcessors.page();
  }

  @Roles('admin')
  @Put('admin/settings/sub-processors')
  @ApiContract({ body: SubProcessorList, response: SubProcessorsPage, summary: 'Admins: replace the list of sub-processors' })
  replace(@CurrentActor() actor: Actor, @ZBody(SubProcessorList) body: { items: { name: string; service: string; location: string; website: string | null }[] }): Promise<SubProcessorsPage> {
    return this.subProcessors.replace(actor, body);
  }
}
