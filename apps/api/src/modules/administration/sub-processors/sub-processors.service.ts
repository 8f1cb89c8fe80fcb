import { Inject, Injectable } from '@nestjs/common';
import { SubProcessorList, type SubProcessorsPage } from '@lesplein/contracts/incident';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { SubProcessorsRepository } from './sub-processors.repository.js';

/** The public list of who processes members' data: the operator, its sub-processors, and partners (with consent). */
@Injectable()
export class SubProcessorsService {
  constructor(
    private readonly repository: SubProcessorsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(): Promise<SubProcessorsPage> {
    const [setting, partners] = await Promise.all([this.repository.setting(), this.repository.activePartners()]);
    const parsed = SubProcessorList.safeParse(setting?.value ?? { items: [] });
    const items = parsed.success ? parsed.data.items : [];
    return {
      operator: this.config.operator,
      subProcessors: items.map((item) => ({ name: item.name, service: item.service, location: item.location, website: item.website ?? null })),
      partners,
      updatedAt: setting?.updatedAt.toISOString() ?? null,
    };
  }

  async replace(actor: Actor, list: { items: { name: string; service: string; location: string; website: string | null }[] }): Promise<SubProcessorsPage> {
    await this.transactions.run(async (tx) => {
      await this.repository.save(tx, list.items, actor.memberId);
      await this.audit.record(tx, { actor, action: 'settings.sub_processors_changed', targetType: 'setting', targetId: 'sub_processors', details: { count: list.items.length } });
    });
    return this.page();
  }
}
