import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import { resourceDetailInclude, type ResourceRow } from '../resources/resources.repository.js';

/** The resources behind search hits, read live: only those still published. */
@Injectable()
export class SearchHitsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findPublished(ids: string[]): Promise<Map<string, ResourceRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.resource.findMany({ where: { id: { in: ids }, state: 'published' }, include: resourceDetailInclude });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
