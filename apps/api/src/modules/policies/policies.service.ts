import { Injectable } from '@nestjs/common';
import type { AdminPolicyVersion, AdminPolicyVersionList, MyPolicyStatus, PolicyVersionView, PrivacyPolicyPage, PublishPolicyVersion } from '@lesplein/contracts/privacy-policy';
import { AuditLog } from '../../core/audit/audit-log.js';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, NotFound } from '../../core/errors/domain-error.js';
import { toAdminPolicyVersion, toPolicySummary, toPolicyView } from './policy.mapper.js';
import { PoliciesRepository } from './policies.repository.js';

/** How many versions "what changed since you last read it" lists at most. */
const MAX_CHANGES = 20;

/**
 * The privacy statement's versions: admins publish (audited; a version never changes), everyone
 * reads the current one and the earlier ones, members see what changed since the version they
 * last accepted or read, and accept a substantial change before anything else (`PolicyGate`).
 */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async page(): Promise<PrivacyPolicyPage> {
    const [latest, versions] = await Promise.all([this.policies.latest(), this.policies.summaries()]);
    return { current: latest ? toPolicyView(latest) : null, versions: versions.map(toPolicySummary) };
  }

  async version(number: number): Promise<PolicyVersionView> {
    const row = await this.policies.byNumber(number);
    if (!row) throw NotFound('Privacy statement version');
    return toPolicyView(row);
  }

  async adminList(): Promise<AdminPolicyVersionList> {
    return { items: (await this.policies.adminList()).map(toAdminPolicyVersion) };
  }

  async publish(actor: Actor, input: PublishPolicyVersion): Promise<AdminPolicyVersion> {
    const created = await this.transactions.run(async (tx) => {
      const row = await this.policies.publish(tx, { ...input, publishedById: actor.memberId });
      await this.audit.record(tx, { actor, action: 'privacy_policy.published', targetType: 'privacy_policy_version', targetId: row.id, details: { version: row.number, substantial: row.substantial } });
      return row;
    });
    const listed = (await this.policies.adminList()).find((row) => row.id === created.id);
    if (!listed) throw NotFound('Privacy statement version');
    return toAdminPolicyVersion(listed);
  }

  async myStatus(actor: Actor): Promise<MyPolicyStatus> {
    const [latest, lastSeenVersion, acceptanceRequired] = await Promise.all([
      this.policies.latest(),
      this.policies.lastSeenNumber(actor.memberId),
      this.policies.acceptanceRequired(actor.sessionId),
    ]);
    const changes = latest ? await this.policies.summariesAfter(lastSeenVersion, MAX_CHANGES) : [];
    return { current: latest ? toPolicySummary(latest) : null, lastSeenVersion, changes: changes.map(toPolicySummary), acceptanceRequired };
  }

  /** Records that the member accepted (or read) the current version; an older version cannot be accepted. */
  async accept(actor: Actor, number: number): Promise<MyPolicyStatus> {
    const [version, latest] = await Promise.all([this.policies.byNumber(number), this.policies.latest()]);
    if (!version || !latest) throw NotFound('Privacy statement version');
    if (version.id !== latest.id) throw Conflict('Only the current version of the privacy statement can be accepted.');
    await this.policies.accept(actor.memberId, version.id);
    return this.myStatus(actor);
  }

  acceptanceRequired(actor: Actor): Promise<boolean> {
    return this.policies.acceptanceRequired(actor.sessionId);
  }
}
