import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MyData } from '@lesplein/contracts/my-data';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/auth.decorators.js';
import { ApiContract } from '../../core/validation/zod.js';
import { MyDataService } from './my-data.service.js';

@ApiTags('privacy')
@Controller('api/account/my-data')
export class MyDataController {
  constructor(private readonly myData: MyDataService) {}

  @Get()
  @ApiContract({ response: MyData, summary: 'Every kind of data held about the member, why, on which basis, how long, and the partners receiving data with consent' })
  overview(@CurrentActor() actor: Actor): Promise<MyData> {
    return this.myData.overview(actor);
  }
}
