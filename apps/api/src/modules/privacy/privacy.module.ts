import { Module } from '@nestjs/common';
import { MyDataController } from './my-data.controller.js';
import { MyDataRepository } from './my-data.repository.js';
import { MyDataService } from './my-data.service.js';

/** Members' rights: the "my data" overview (export and deletion follow). */
@Module({
  controllers: [MyDataController],
  providers: [MyDataRepository, MyDataService],
})
export class PrivacyModule {}
