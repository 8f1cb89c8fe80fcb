import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import { findPublishedByIds, type ResourceRow } from '../resources/resources.repository.js';

/** The resources behind search hits, read live: only those still published. */
@Injectable()
export class SearchHitsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement for the whole page (Prisma's include would send four, per search). */
  async findPublished(ids: string[]): Promise<Map<string, ResourceRow>> {
    const rows = await findPublishedByIds(this.prisma, ids);
    return new Map(rows.map((row) => [row.id, row]));
  }
}
