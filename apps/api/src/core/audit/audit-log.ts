import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../database/prisma.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { entryHash, GENESIS_HASH, verifyRows, type ChainBreak } from './audit-chain.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditEvent {
  /** Who acted: a member (moderator, admin, or the member themself), or null for the system and operators' CLI. */
  actor: Pick<Actor, 'memberId' | 'role'> | null;
  /** Dotted verb, e.g. "partner.suspended", "member.two_factor_disabled". */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Ids and settings only: no names, e-mail addresses or free text of members. */
  details?: Record<string, unknown>;
}

/**
 * The digital logbook. `record(tx, event)` appends in the caller's transaction, so an action and
 * its log entry commit together or not at all; entries are hash-chained and the table refuses
 * changes (see the audit_log migration). `verify()` recomputes the chain.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly entries: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async record(tx: Tx, event: AuditEvent): Promise<void> {
    await this.entries.lockChain(tx);
    const prevHash = (await this.entries.lastHash(tx)) ?? GENESIS_HASH;
    const fields = {
      at: new Date(),
      actorId: event.actor?.memberId ?? null,
      actorRole: event.actor?.role ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
    };
    await this.entries.append(tx, { ...fields, prevHash, hash: entryHash(prevHash, fields) });
  }

  /** Records in a transaction of its own (for actions that have none). */
  recordNow(event: AuditEvent): Promise<void> {
    return this.transactions.run((tx) => this.record(tx, event));
  }

  /** Walks the whole chain in order, in batches; names the first entry that does not fit. */
  async verify(batchSize = 1000): Promise<{ entries: number; broken: ChainBreak | null }> {
    let previous = GENESIS_HASH;
    let after = 0n;
    let entries = 0;
    for (;;) {
      const rows = await this.entries.batchAfter(after, batchSize);
      if (rows.length === 0) return { entries, broken: null };
      const result = verifyRows(rows, previous);
      if (result.broken) return { entries: entries + rows.findIndex((row) => row.seq.toString() === result.broken!.seq), broken: result.broken };
      previous = result.lastHash;
      entries += rows.length;
      after = rows[rows.length - 1]!.seq;
    }
  }
}
