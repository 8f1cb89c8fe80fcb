import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Cursor } from '../../../core/pagination/cursor.js';
import { Prisma } from '../../../generated/prisma/client.js';

const ENTRY_SELECT = {
  id: true,
  reason: true,
  createdAt: true,
  sealedEmail: true,
  addedBy: { select: { handle: true } },
} satisfies Prisma.BanEntrySelect;

export type BanEntryRow = Prisma.BanEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

export interface MatchCandidate {
  id: string;
  email: string;
  role: 'member' | 'moderator' | 'admin';
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** The ban list (keyed hashes, optionally the sealed address) and the accounts a new entry locks. */
@Injectable()
export class BanListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Whether the member may see and edit the ban list as a moderator. */
  async hasBanListRight(memberId: string): Promise<boolean> {
    const member = await this.prisma.member.findUnique({ where: { id: memberId }, select: { banListRight: true } });
    return member?.banListRight ?? false;
  }

  /** Newest first, keyset-paged by (createdAt, id). */
  page(cursor: Cursor | undefined, take: number): Promise<BanEntryRow[]> {
    return this.prisma.banEntry.findMany({
      where: cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: ENTRY_SELECT,
    });
  }

  byId(id: string): Promise<BanEntryRow | null> {
    return this.prisma.banEntry.findUnique({ where: { id }, select: ENTRY_SELECT });
  }

  /** Deletes the entries an address matches (exact or canonical form); returns their ids. */
  async deleteMatching(tx: Tx, hashes: { exactHash: string; canonicalHash: string }): Promise<string[]> {
    const rows = await tx.banEntry.findMany({ where: { OR: [{ exactHash: hashes.exactHash }, { canonicalHash: hashes.canonicalHash }] }, select: { id: true } });
    await tx.banEntry.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    return rows.map((row) => row.id);
  }

  /** Unlocks an account a ban locked. */
  async unlock(tx: Tx, memberId: string): Promise<void> {
    await tx.member.updateMany({ where: { id: memberId, status: 'locked' }, data: { status: 'active' } });
  }

  /** Adds an entry; undefined when an entry with the same exact hash exists (also when added meanwhile). */
  async create(tx: Tx, data: { exactHash: string; canonicalHash: string; sealedEmail: string | null; reason: string; addedById: string }): Promise<BanEntryRow | undefined> {
    // A savepoint-free check first: a unique violation would abort the whole transaction.
    if (await tx.banEntry.findUnique({ where: { exactHash: data.exactHash }, select: { id: true } })) return undefined;
    try {
      return await tx.banEntry.create({ data, select: ENTRY_SELECT });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async delete(tx: Tx, id: string): Promise<boolean> {
    return (await tx.banEntry.deleteMany({ where: { id } })).count === 1;
  }

  /**
   * Members whose address may have this canonical form: the same domain (gmail.com and
   * googlemail.com count as one) and the same local part once a +tag (and for Gmail, the dots) is
   * removed. Members' addresses are stored lower-case and ASCII, so SQL can pre-select them; the
   * service confirms each candidate with the same rules in code. Locks the rows found.
   */
  async lockCandidates(tx: Tx, lookup: { local: string; domains: string[]; gmail: boolean }, exact: string): Promise<MatchCandidate[]> {
    return tx.$queryRaw<MatchCandidate[]>`
      SELECT m.id, m.email::text AS email, m.role::text AS role
        FROM "Member" m
       CROSS JOIN LATERAL (SELECT lower(split_part(m.email::text, '@', 1)) AS local, lower(split_part(m.email::text, '@', 2)) AS domain) parts
       CROSS JOIN LATERAL (SELECT CASE WHEN split_part(parts.local, '+', 1) = '' THEN parts.local ELSE split_part(parts.local, '+', 1) END AS base) tagless
       WHERE m.email = ${exact}::citext
          OR (parts.domain = ANY(${lookup.domains}::text[])
              AND (CASE WHEN ${lookup.gmail}::boolean THEN replace(tagless.base, '.', '') ELSE tagless.base END) = ${lookup.local})
       ORDER BY m.id
         FOR UPDATE OF m`;
  }

  /**
   * Locks banned accounts at once: status locked (every session lookup, log-in and public profile
   * refuses locked accounts), and their sessions, log-in challenges and e-mail links deleted.
   */
  async lockAccounts(tx: Tx, memberIds: string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await tx.member.updateMany({ where: { id: { in: memberIds } }, data: { status: 'locked' } });
    await tx.session.deleteMany({ where: { memberId: { in: memberIds } } });
    await tx.loginChallenge.deleteMany({ where: { memberId: { in: memberIds } } });
    await tx.emailToken.deleteMany({ where: { memberId: { in: memberIds } } });
  }
}
