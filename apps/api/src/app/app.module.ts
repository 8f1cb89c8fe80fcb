import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { CoreModule } from '../core/core.module.js';
import { AccountsModule } from '../modules/accounts/accounts.module.js';
import { TaxonomyModule } from '../modules/taxonomy/taxonomy.module.js';
import { SeedService } from '../seed/seed.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config, databaseUrl), TaxonomyModule, AccountsModule], providers: [SeedService] };
  }
}
