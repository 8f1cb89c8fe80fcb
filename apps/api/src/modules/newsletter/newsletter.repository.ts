import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';

export type NewsletterSource = 'settings' | 'unsubscribe_link';

export interface Subscriber {
  id: string;
  email: string;
  firstName: string;
  locale: string;
}

/** Members' newsletter choices (append-only) and the newsletters sent. */
@Injectable()
export class NewsletterRepository {
  constructor(private readonly prisma: PrismaService) {}

  history(memberId: string) {
    return this.prisma.newsletterConsent.findMany({ where: { memberId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { granted: true, source: true, at: true }, take: 100 });
  }

  /**
   * Appends the choice unless it is already the member's current one, under a per-member
   * advisory lock so two tabs cannot both append. Returns whether a row was written.
   */
  recordChoice(memberId: string, granted: boolean, source: NewsletterSource): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('newsletter-consent:' || ${memberId}))`;
      const latest = await tx.newsletterConsent.findFirst({ where: { memberId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { granted: true } });
      if ((latest?.granted ?? false) === granted) return false;
      await tx.newsletterConsent.create({ data: { memberId, granted, source } });
      return true;
    });
  }

  async memberExists(memberId: string): Promise<boolean> {
    return (await this.prisma.member.count({ where: { id: memberId } })) === 1;
  }

  /** Active, verified members whose latest choice is "yes". */
  subscribers(tx: Tx): Promise<Subscriber[]> {
    return tx.$queryRaw<Subscriber[]>`
      SELECT m.id, m.email, m."firstName", m.locale
      FROM (SELECT DISTINCT ON ("memberId") "memberId", granted FROM "NewsletterConsent" ORDER BY "memberId", at DESC, id DESC) c
      JOIN "Member" m ON m.id = c."memberId"
      WHERE c.granted AND m.status = 'active' AND m."emailVerifiedAt" IS NOT NULL
      ORDER BY m.id`;
  }

  async subscriberCount(): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ count: bigint }>>`
      SELECT count(*) AS count
      FROM (SELECT DISTINCT ON ("memberId") "memberId", granted FROM "NewsletterConsent" ORDER BY "memberId", at DESC, id DESC) c
      JOIN "Member" m ON m.id = c."memberId"
      WHERE c.granted AND m.status = 'active' AND m."emailVerifiedAt" IS NOT NULL`;
    return Number(rows[0]?.count ?? 0);
  }

  create(tx: Tx, data: { subjectNl: string; subjectEn: string; bodyNl: string; bodyEn: string; recipientCount: number; sentById: string }) {
    return tx.newsletter.create({ data, include: { sentBy: { select: { handle: true, firstName: true, lastName: true } } } });
  }

  list() {
    return this.prisma.newsletter.findMany({ orderBy: [{ sentAt: 'desc' }, { id: 'desc' }], take: 100, include: { sentBy: { select: { handle: true, firstName: true, lastName: true } } } });
  }
}
