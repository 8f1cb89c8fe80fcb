import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';

const SUMMARY = { number: true, substantial: true, summaryNl: true, summaryEn: true, publishedAt: true } as const;

export interface NewPolicyVersion {
  textNl: string;
  textEn: string;
  summaryNl: string;
  summaryEn: string;
  substantial: boolean;
  publishedById: string;
}

/** Versions of the privacy statement and members' acceptances (both append-only in the database). */
@Injectable()
export class PoliciesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every version without its text, newest first. */
  summaries() {
    return this.prisma.policyVersion.findMany({ select: SUMMARY, orderBy: { number: 'desc' } });
  }

  latest() {
    return this.prisma.policyVersion.findFirst({ orderBy: { number: 'desc' } });
  }

  byNumber(number: number) {
    return this.prisma.policyVersion.findUnique({ where: { number } });
  }

  /** Admins' list: the sources, the publisher and the number of acceptances. */
  adminList() {
    return this.prisma.policyVersion.findMany({
      orderBy: { number: 'desc' },
      include: { publishedBy: { select: { handle: true, firstName: true, lastName: true } }, _count: { select: { acceptances: true } } },
    });
  }

  /** Numbers are given out under a transaction-scoped advisory lock, so two admins publishing at once get 1 and 2. */
  async publish(tx: Tx, data: NewPolicyVersion) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('policy-version-number'))`;
    const last = await tx.policyVersion.findFirst({ select: { number: true }, orderBy: { number: 'desc' } });
    return tx.policyVersion.create({ data: { ...data, number: (last?.number ?? 0) + 1 } });
  }

  /** The highest version number the member accepted or read, or null. */
  async lastSeenNumber(memberId: string): Promise<number | null> {
    const row = await this.prisma.policyAcceptance.findFirst({ where: { memberId }, orderBy: { version: { number: 'desc' } }, select: { version: { select: { number: true } } } });
    return row?.version.number ?? null;
  }

  /** Versions published after `after` (all when null), newest first. */
  summariesAfter(after: number | null, take: number) {
    return this.prisma.policyVersion.findMany({ where: after === null ? {} : { number: { gt: after } }, select: SUMMARY, orderBy: { number: 'desc' }, take });
  }

  /** Appends the evidence; accepting the same version twice keeps the first record. */
  async accept(memberId: string, versionId: string): Promise<void> {
    await this.prisma.policyAcceptance.createMany({ data: [{ memberId, versionId }], skipDuplicates: true });
  }

  /**
   * True when the session must accept the privacy statement first: the latest substantial
   * version was published before the session began (so at a log-in after publication) and the
   * member has accepted neither it nor a later version. One query, run on every member request.
   */
  async acceptanceRequired(sessionId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<Array<{ required: boolean }>>`
      SELECT EXISTS (
        SELECT 1
        FROM "Session" s
        JOIN LATERAL (SELECT number, "publishedAt" FROM "PolicyVersion" WHERE substantial ORDER BY number DESC LIMIT 1) v ON true
        WHERE s.id = ${sessionId}
          AND v."publishedAt" <= s."createdAt"
          AND NOT EXISTS (
            SELECT 1 FROM "PolicyAcceptance" a JOIN "PolicyVersion" av ON av.id = a."versionId"
            WHERE a."memberId" = s."memberId" AND av.number >= v.number
          )
      ) AS required`;
    return rows[0]?.required ?? false;
  }
}
