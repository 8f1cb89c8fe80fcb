import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';

const KEY = 'sub_processors';

/** The sub-processors list (a platform setting) and the active partners, for the public page. */
@Injectable()
export class SubProcessorsRepository {
  constructor(private readonly prisma: PrismaService) {}

  setting() {
    return this.prisma.platformSetting.findUnique({ where: { key: KEY }, select: { value: true, updatedAt: true } });
  }

  async save(tx: Tx, items: Prisma.InputJsonValue, updatedById: string): Promise<void> {
    const value = { items } as Prisma.InputJsonObject;
    await tx.platformSetting.upsert({ where: { key: KEY }, create: { key: KEY, value, updatedById }, update: { value, updatedById } });
  }

  activePartners() {
    return this.prisma.partner.findMany({ where: { status: 'active' }, orderBy: { name: 'asc' }, select: { id: true, name: true, legalName: true, privacyPolicyUrl: true } });
  }
}
