import { Injectable } from '@nestjs/common';
import { PreModerationSettings } from '@lesplein/contracts/moderation';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Tx } from '../../../core/database/prisma.service.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { PlatformSettingsRepository } from './platform-settings.repository.js';

const KEY = 'pre_moderation';
const DEFAULT: PreModerationSettings = { mode: 'off', firstN: 3 };

/**
 * Optional pre-moderation (KlasCement reviews every resource before publication): off, every
 * new resource, or each member's first N. Moderators' and admins' resources never wait.
 */
@Injectable()
export class PreModeration {
  constructor(
    private readonly settingsRepository: PlatformSettingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async settings(tx?: Tx): Promise<PreModerationSettings> {
    const parsed = PreModerationSettings.safeParse(await this.settingsRepository.get(KEY, tx));
    return parsed.success ? parsed.data : DEFAULT;
  }

  async update(actor: Actor, settings: PreModerationSettings): Promise<PreModerationSettings> {
    await this.transactions.run(async (tx) => {
      await this.settingsRepository.set(tx, KEY, settings, actor.memberId);
      await this.audit.record(tx, { actor, action: 'settings.pre_moderation_changed', targetType: 'setting', targetId: KEY, details: settings });
    });
    return this.settings();
  }

  /** Whether this author's publication waits for a moderator. */
  async requiresReview(tx: Tx, author: Pick<Actor, 'memberId' | 'role'>): Promise<boolean> {
    if (author.role !== 'member') return false;
    const settings = await this.settings(tx);
    if (settings.mode === 'off') return false;
    if (settings.mode === 'all') return true;
    return (await this.settingsRepository.publishedCount(tx, author.memberId)) < settings.firstN;
  }
}
