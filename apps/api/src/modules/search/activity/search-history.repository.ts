import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';
import type { Cursor } from '../../../core/pagination/cursor.js';
import type { Prisma } from '../../../generated/prisma/client.js';

export interface NewHistoryEntry {
  memberId: string;
  filters: Prisma.InputJsonValue;
  filtersKey: string;
  resultCount: number;
}

/** A member's own search history and their choice to pause it. */
@Injectable()
export class SearchHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isPaused(memberId: string): Promise<boolean> {
    const member = await this.prisma.member.findUnique({ where: { id: memberId }, select: { searchHistoryPaused: true } });
    // An unknown member keeps no history.
    return member?.searchHistoryPaused ?? true;
  }

  async setPaused(memberId: string, paused: boolean): Promise<void> {
    await this.prisma.member.update({ where: { id: memberId }, data: { searchHistoryPaused: paused } });
  }

  /** The member's most recent entry since `since`, if any. */
  latestSince(memberId: string, since: Date) {
    return this.prisma.searchHistoryEntry.findFirst({ where: { memberId, searchedAt: { gt: since } }, orderBy: [{ searchedAt: 'desc' }, { id: 'desc' }] });
  }

  async record(entry: NewHistoryEntry, at: Date): Promise<void> {
    await this.prisma.searchHistoryEntry.create({ data: { ...entry, searchedAt: at } });
  }

  /** Replaces an entry of the member by a newer search (a repeat or a refinement within a minute). */
  async replace(memberId: string, id: string, entry: Omit<NewHistoryEntry, 'memberId'>, at: Date): Promise<void> {
    await this.prisma.searchHistoryEntry.updateMany({ where: { id, memberId }, data: { ...entry, searchedAt: at } });
  }

  list(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.searchHistoryEntry.findMany({
      where: {
        memberId,
        ...(cursor ? { OR: [{ searchedAt: { lt: cursor.at } }, { searchedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ searchedAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  async delete(memberId: string, id: string): Promise<number> {
    return (await this.prisma.searchHistoryEntry.deleteMany({ where: { id, memberId } })).count;
  }

  async clear(memberId: string): Promise<number> {
    return (await this.prisma.searchHistoryEntry.deleteMany({ where: { memberId } })).count;
  }

  /** Retention: entries older than the cutoff, of every member. */
  async purgeBefore(cutoff: Date): Promise<number> {
    return (await this.prisma.searchHistoryEntry.deleteMany({ where: { searchedAt: { lt: cutoff } } })).count;
  }
}
