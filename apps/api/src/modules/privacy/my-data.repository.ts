import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/** Counts of the member's records per table, and the partners with an active consent. */
@Injectable()
export class MyDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Rows of a table in which any of these columns (foreign keys to Member) names the member. Table and column names come
   * from our own schema (the data inventory), never from a request; they are checked and quoted.
   */
  async countLinked(table: string, columns: readonly string[], memberId: string): Promise<number> {
    if (!IDENTIFIER.test(table) || columns.length === 0 || !columns.every((column) => IDENTIFIER.test(column))) throw new Error(`Not an identifier: ${table} ${columns.join(',')}`);
    // Member links are uuid foreign keys to Member.id: compare as uuid so their indexes serve.
    const where = columns.map((column) => `"${column}" = $1::uuid`).join(' OR ');
    const rows = await this.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${table}" WHERE ${where}`, memberId);
    return rows[0]?.count ?? 0;
  }

  activeConsents(memberId: string) {
    return this.prisma.partnerConsent.findMany({
      where: { memberId, withdrawal: null },
      orderBy: { grantedAt: 'asc' },
      select: { grantedScopes: true, grantedAt: true, partner: { select: { id: true, name: true } } },
    });
  }
}
