import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

export interface LedgerEntry {
  memberIdHash: string;
  keepContributions: boolean;
  reason: 'member_request' | 'inactivity';
  deletedAt: Date;
}

/** The deletion ledger's rows, and finding restored members by the hash of their id. */
@Injectable()
export class DeletionLedgerRepository {
  constructor(private readonly prisma: PrismaService) {}

  async has(memberIdHash: string): Promise<boolean> {
    return (await this.prisma.deletionLedgerEntry.count({ where: { memberIdHash } })) > 0;
  }

  async add(entry: LedgerEntry): Promise<void> {
    await this.prisma.deletionLedgerEntry.createMany({ data: [entry], skipDuplicates: true });
  }

  all(): Promise<LedgerEntry[]> {
    return this.prisma.deletionLedgerEntry.findMany({ orderBy: { deletedAt: 'asc' } });
  }

  /** Members (present again after a restore) whose id hashes to one of these (SHA-256 of the id text). */
  async membersWithIdHash(hashes: string[]): Promise<{ id: string; hash: string }[]> {
    if (hashes.length === 0) return [];
    return this.prisma.$queryRaw<{ id: string; hash: string }[]>`
      SELECT id::text AS id, encode(sha256(convert_to(id::text, 'UTF8')), 'hex') AS hash FROM "Member"
      WHERE encode(sha256(convert_to(id::text, 'UTF8')), 'hex') = ANY(${hashes})`;
  }
}
