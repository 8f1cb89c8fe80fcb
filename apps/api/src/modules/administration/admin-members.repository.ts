import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Prisma, Role } from '../../generated/prisma/client.js';

const MEMBER_SELECT = {
  id: true,
  handle: true,
  firstName: true,
  lastName: true,
  role: true,
  banListRight: true,
  status: true,
  totpEnabledAt: true,
} satisfies Prisma.MemberSelect;

export type AdminMemberRow = Prisma.MemberGetPayload<{ select: typeof MEMBER_SELECT }>;

/** `%`, `_` and `\` typed by an admin are literal characters, not LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Members as admins manage their roles. */
@Injectable()
export class AdminMembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** By handle; members whose handle or e-mail address starts with `query`, optionally of one role. */
  search(filter: { query?: string; role?: Role }, afterHandle: string | undefined, take: number): Promise<AdminMemberRow[]> {
    const prefix = filter.query ? likeLiteral(filter.query) : undefined;
    return this.prisma.member.findMany({
      where: {
        ...(filter.role ? { role: filter.role } : {}),
        ...(prefix ? { OR: [{ handle: { startsWith: prefix, mode: 'insensitive' } }, { email: { startsWith: prefix, mode: 'insensitive' } }] } : {}),
        ...(afterHandle ? { handle: { gt: afterHandle } } : {}),
      },
      orderBy: { handle: 'asc' },
      take,
      select: MEMBER_SELECT,
    });
  }

  byHandle(handle: string, tx?: Tx): Promise<AdminMemberRow | null> {
    return (tx ?? this.prisma).member.findUnique({ where: { handle }, select: MEMBER_SELECT });
  }

  /**
   * Serialises role changes (a transaction-scoped advisory lock), so two admins demoting each
   * other at the same moment cannot leave the platform without an admin.
   */
  async lockRoles(tx: Tx): Promise<void> {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('lesplein:member-roles'))) AS lock`;
  }

  async roleOf(tx: Tx, memberId: string): Promise<Role | null> {
    return (await tx.member.findUnique({ where: { id: memberId }, select: { role: true } }))?.role ?? null;
  }

  /** Active admins other than `exceptId`. */
  countOtherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
    return tx.member.count({ where: { role: 'admin', status: 'active', id: { not: exceptId } } });
  }

  /** Sets the role; becoming a member also takes away the ban-list right (only moderators hold it). */
  async setRole(tx: Tx, id: string, role: Role): Promise<AdminMemberRow> {
    return tx.member.update({ where: { id }, data: { role, ...(role === 'member' ? { banListRight: false } : {}) }, select: MEMBER_SELECT });
  }

  async setBanListRight(tx: Tx, id: string, banListRight: boolean): Promise<AdminMemberRow> {
    return tx.member.update({ where: { id }, data: { banListRight }, select: MEMBER_SELECT });
  }

  /** Ends every session and pending log-in challenge of the member; returns the number of sessions. */
  async endSessions(tx: Tx, memberId: string): Promise<number> {
    await tx.loginChallenge.deleteMany({ where: { memberId } });
    return (await tx.session.deleteMany({ where: { memberId } })).count;
  }
}
