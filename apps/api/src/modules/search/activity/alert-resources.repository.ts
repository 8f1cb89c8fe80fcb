import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

export interface AlertResource {
  id: string;
  title: string;
  authorId: string | null;
  publishedAt: Date;
}

/** The live state of the resources a search engine returned: only those still published. */
@Injectable()
export class AlertResourcesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async published(ids: string[]): Promise<Map<string, AlertResource>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.resource.findMany({ where: { id: { in: ids }, state: 'published', publishedAt: { not: null } }, select: { id: true, title: true, authorId: true, publishedAt: true } });
    return new Map(rows.map((row) => [row.id, { ...row, publishedAt: row.publishedAt! }]));
  }
}
