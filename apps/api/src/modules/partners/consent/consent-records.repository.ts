import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { ConsentWithdrawnBy, DisclosureChannel } from '../../../generated/prisma/client.js';
import { WITHOUT_LOGO } from '../admin/partners.repository.js';

/**
 * The consent evidence: consents and their withdrawals are only ever inserted (the database
 * refuses UPDATE and DELETE on them), disclosures are logged without values.
 */
@Injectable()
export class ConsentRecordsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The member's consent for a partner that has not been withdrawn (at most one). */
  active(memberId: string, partnerId: string, tx?: Tx) {
    return (tx ?? this.prisma).partnerConsent.findFirst({
      where: { memberId, partnerId, withdrawal: null },
      orderBy: { grantedAt: 'desc' },
      include: { notice: { select: { version: true } } },
    });
  }

  /** The most recent consent of the member for the partner, withdrawn or not. */
  latest(memberId: string, partnerId: string) {
    return this.prisma.partnerConsent.findFirst({
      where: { memberId, partnerId },
      orderBy: { grantedAt: 'desc' },
      include: { withdrawal: true },
    });
  }

  byId(id: string) {
    return this.prisma.partnerConsent.findUnique({ where: { id }, include: { withdrawal: true, partner: { omit: WITHOUT_LOGO }, notice: true } });
  }

  /** Everything a consent receipt names. */
  forReceipt(id: string) {
    return this.prisma.partnerConsent.findUnique({
      where: { id },
      include: { withdrawal: true, partner: { omit: WITHOUT_LOGO }, notice: true, member: { select: { email: true, firstName: true, locale: true } } },
    });
  }

  create(
    tx: Tx,
    data: {
      memberId: string;
      subject: string;
      partnerId: string;
      noticeId: string;
      grantedScopes: string[];
      refusedScopes: string[];
      consentTextHash: string;
      language: string;
      grantId: string;
    },
  ) {
    return tx.partnerConsent.create({ data });
  }

  /** Serialises consents of one member for one partner (two consent tabs give one record). */
  async lockPair(tx: Tx, memberId: string, partnerId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`consent:${memberId}:${partnerId}`}, 0))`;
  }

  /** Records the withdrawal unless there already is one; true when this call withdrew it. */
  async withdraw(tx: Tx, consentId: string, withdrawnBy: ConsentWithdrawnBy, actorId: string | null): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO "PartnerConsentWithdrawal" ("consentId", "withdrawnBy", "actorId")
      VALUES (${consentId}::uuid, ${withdrawnBy}::"ConsentWithdrawnBy", ${actorId}::uuid)
      ON CONFLICT ("consentId") DO NOTHING`;
    return inserted === 1;
  }

  activeIdsForMember(memberId: string) {
    return this.prisma.partnerConsent.findMany({ where: { memberId, withdrawal: null }, select: { id: true } });
  }

  activeIdsForPartner(partnerId: string) {
    return this.prisma.partnerConsent.findMany({ where: { partnerId, withdrawal: null }, select: { id: true } });
  }

  /** The member's consents with partner, notice version and last disclosure, newest first. */
  forMember(memberId: string) {
    return this.prisma.partnerConsent.findMany({
      where: { memberId },
      orderBy: { grantedAt: 'desc' },
      include: {
        withdrawal: true,
        notice: { select: { version: true } },
        partner: { omit: WITHOUT_LOGO, include: { notices: { orderBy: { version: 'desc' }, take: 1, select: { version: true } } } },
        disclosures: { orderBy: { disclosedAt: 'desc' }, take: 1, select: { disclosedAt: true } },
      },
    });
  }

  disclosures(consentId: string, cursor: { at: Date; id: string } | undefined, take: number) {
    return this.prisma.partnerDisclosure.findMany({
      where: {
        consentId,
        ...(cursor ? { OR: [{ disclosedAt: { lt: cursor.at } }, { disclosedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ disclosedAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  /** Deletes disclosure log entries older than the cut-off (their retention). */
  async purgeDisclosures(before: Date): Promise<number> {
    const removed = await this.prisma.partnerDisclosure.deleteMany({ where: { disclosedAt: { lt: before } } });
    return removed.count;
  }

  logDisclosure(data: { memberId: string; partnerId: string; consentId: string; channel: DisclosureChannel; categories: string[] }) {
    return this.prisma.partnerDisclosure.create({ data, select: { id: true } });
  }
}
