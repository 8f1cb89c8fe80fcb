import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OBJECT_STORAGE, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { DeletionLedgerRepository, type LedgerEntry } from './deletion-ledger.repository.js';

const PREFIX = 'deletion-ledger';

/** The one-way hash the ledger keeps of a member id. */
export const memberIdHash = (memberId: string) => crypto.createHash('sha256').update(memberId).digest('hex');

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The deletion ledger: for each deleted account, the SHA-256 of its id, whether its
 * contributions were kept, why, and when. It lives in the database and, one object per entry,
 * in object storage, so that a database restored from an older backup can be brought back in
 * line: `reapply()` finds members present again whose id is in the ledger and deletes them again.
 */
@Injectable()
export class DeletionLedgerService {
  private readonly logger = new Logger('DeletionLedger');
  /** Set by the deletion job (which depends on this service) to run a re-application. */
  private runDeletion?: (memberId: string, entry: LedgerEntry) => Promise<void>;

  constructor(
    private readonly ledger: DeletionLedgerRepository,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  onReapply(run: (memberId: string, entry: LedgerEntry) => Promise<void>): void {
    this.runDeletion = run;
  }

  has(memberId: string): Promise<boolean> {
    return this.ledger.has(memberIdHash(memberId));
  }

  /** Records a deletion in the database and in object storage (idempotent). */
  async record(memberId: string, keepContributions: boolean, reason: LedgerEntry['reason']): Promise<void> {
    const entry: LedgerEntry = { memberIdHash: memberIdHash(memberId), keepContributions, reason, deletedAt: new Date() };
    const body = JSON.stringify({ ...entry, deletedAt: entry.deletedAt.toISOString() });
    await this.storage.put(`${PREFIX}/${entry.memberIdHash}`, Readable.from([Buffer.from(body)]), { contentType: 'application/json' });
    await this.ledger.add(entry);
  }

  /** Every entry, from the database and the storage mirror together. */
  async entries(): Promise<LedgerEntry[]> {
    const byHash = new Map((await this.ledger.all()).map((entry) => [entry.memberIdHash, entry]));
    for await (const key of this.storage.list(PREFIX)) {
      const hash = key.slice(PREFIX.length + 1);
      if (byHash.has(hash) || !/^[0-9a-f]{64}$/.test(hash)) continue;
      const parsed = JSON.parse(await readAll(await this.storage.get(key))) as { keepContributions?: unknown; reason?: unknown; deletedAt?: unknown };
      byHash.set(hash, {
        memberIdHash: hash,
        keepContributions: parsed.keepContributions !== false,
        reason: parsed.reason === 'inactivity' ? 'inactivity' : 'member_request',
        deletedAt: typeof parsed.deletedAt === 'string' ? new Date(parsed.deletedAt) : new Date(),
      });
    }
    return [...byHash.values()];
  }

  /**
   * After a restore: puts ledger entries missing from the database back, and deletes again every
   * account whose id is in the ledger (with the choice made at the time). Running it twice is harmless.
   */
  async reapply(): Promise<{ entries: number; reapplied: number }> {
    if (!this.runDeletion) throw new Error('The deletion job is not registered.');
    const entries = await this.entries();
    for (const entry of entries) await this.ledger.add(entry);
    const byHash = new Map(entries.map((entry) => [entry.memberIdHash, entry]));
    let reapplied = 0;
    for (let i = 0; i < entries.length; i += 1000) {
      const found = await this.ledger.membersWithIdHash(entries.slice(i, i + 1000).map((entry) => entry.memberIdHash));
      for (const member of found) {
        await this.runDeletion(member.id, byHash.get(member.hash)!);
        reapplied += 1;
      }
    }
    if (reapplied > 0) this.logger.log(`Re-applied ${reapplied} account deletion(s) from the ledger`);
    return { entries: entries.length, reapplied };
  }
}
