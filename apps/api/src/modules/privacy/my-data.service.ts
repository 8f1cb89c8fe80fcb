import path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { MyData, MyDataCategory } from '@lesplein/contracts/my-data';
import type { PartnerScope } from '@lesplein/contracts/partner';
import type { Actor } from '../../core/auth/actor.js';
import { apiPackageDir } from '../../core/database/migrations.js';
import { readInventory, type SchemaField } from '../../core/privacy/pii-inventory.js';
import { MyDataRepository } from './my-data.repository.js';

/**
 * The member's "my data" overview, driven by the data inventory (the schema's @pii tags): every
 * kind of record held about them with its purpose, legal basis, retention and what deletion does,
 * how many there are, and which partners receive data with their consent.
 */
@Injectable()
export class MyDataService {
  /** Read from the schema files on first use (not at start-up), then kept. */
  private inventory?: SchemaField[];

  constructor(private readonly repository: MyDataRepository) {}

  private get fields(): SchemaField[] {
    this.inventory ??= readInventory(path.join(apiPackageDir, 'prisma'));
    return this.inventory;
  }

  async overview(actor: Actor): Promise<MyData> {
    const models = [...new Set(this.fields.filter((field) => field.pii).map((field) => field.model))];
    const counts = await Promise.all(models.map((model) => this.rows(model, actor.memberId)));
    const categories: MyDataCategory[] = models
      .map((model, i) => ({
        model,
        rows: counts[i] ?? 0,
        fields: this.fields
          .filter((field) => field.model === model && field.pii)
          .map((field) => ({ field: field.name, purpose: field.pii!.purpose, basis: field.pii!.basis, retention: field.pii!.retention, atDeletion: field.pii!.action })),
      }))
      .filter((category) => category.rows > 0);
    const consents = await this.repository.activeConsents(actor.memberId);
    return {
      categories,
      recipients: consents.map((consent) => ({ partnerId: consent.partner.id, partnerName: consent.partner.name, categories: consent.grantedScopes as PartnerScope[], grantedAt: consent.grantedAt.toISOString() })),
    };
  }

  /** The member's own row, or the rows linking to them; tables without a member link are aggregates, not theirs. */
  private async rows(model: string, memberId: string): Promise<number> {
    if (model === 'Member') return 1;
    const links = this.fields.filter((field) => field.model === model && field.personal === 'links to a member').map((field) => field.name);
    return links.length === 0 ? 0 : this.repository.countLinked(model, links, memberId);
  }
}
