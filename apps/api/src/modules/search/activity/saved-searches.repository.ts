import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';

/** Saved searches; every query is scoped to the owning member except the alert run's. */
@Injectable()
export class SavedSearchesRepository {
  constructor(private readonly prisma: PrismaService) {}

  count(memberId: string): Promise<number> {
    return this.prisma.savedSearch.count({ where: { memberId } });
  }

  create(memberId: string, data: { name: string; filters: Prisma.InputJsonValue; alert: boolean }) {
    return this.prisma.savedSearch.create({ data: { memberId, ...data } });
  }

  list(memberId: string, take: number) {
    return this.prisma.savedSearch.findMany({ where: { memberId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
  }

  find(memberId: string, id: string) {
    return this.prisma.savedSearch.findFirst({ where: { id, memberId } });
  }

  async update(memberId: string, id: string, data: { name?: string; filters?: Prisma.InputJsonValue; alert?: boolean; alertsCheckedUntil?: Date }) {
    const { count } = await this.prisma.savedSearch.updateMany({ where: { id, memberId }, data });
    return count === 0 ? null : this.find(memberId, id);
  }

  async delete(memberId: string, id: string): Promise<number> {
    return (await this.prisma.savedSearch.deleteMany({ where: { id, memberId } })).count;
  }

  /** Saved searches with the alert on, of active members, not yet checked up to `until`; oldest check first. */
  dueForAlerts(until: Date, take: number, afterId?: string) {
    return this.prisma.savedSearch.findMany({
      where: { alert: true, alertsCheckedUntil: { lt: until }, member: { status: 'active' }, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, memberId: true, filters: true, alertsCheckedUntil: true },
    });
  }

  /**
   * Moves the alert watermark from `checked` to `until`, only if no other run moved it first;
   * `alerted` also records when the member was notified. Returns whether this run won.
   */
  async advance(tx: Tx, id: string, checked: Date, until: Date, alerted: boolean): Promise<boolean> {
    const { count } = await tx.savedSearch.updateMany({
      where: { id, alert: true, alertsCheckedUntil: checked },
      data: { alertsCheckedUntil: until, ...(alerted ? { lastAlertedAt: new Date() } : {}) },
    });
    return count === 1;
  }
}
