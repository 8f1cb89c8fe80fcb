import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import { DETAIL_SELECT, fromRaw, type RawResourceRow, type ResourceRow } from '../resources/resources.repository.js';

/** The resources behind search hits, read live: only those still published. */
@Injectable()
export class SearchHitsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement for the whole page (Prisma's include would send four, per search). */
  async findPublished(ids: string[]): Promise<Map<string, ResourceRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<RawResourceRow[]>`${DETAIL_SELECT} WHERE r.id = ANY(${ids}::uuid[]) AND r.state = 'published'`;
    return new Map(rows.map((row) => [row.id, fromRaw(row)]));
  }
}
