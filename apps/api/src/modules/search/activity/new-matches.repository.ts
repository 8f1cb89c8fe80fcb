import { Injectable } from '@nestjs/common';
import { AGE_BANDS, type SearchFilters } from '@lesplein/contracts/search';
import { PrismaService } from '../../../core/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { NewMatchFinder, type NewMatches } from './new-matches.js';

/**
 * New matches straight from the database: published resources in the window, the filters as
 * conditions and the query's words found (case-insensitively) in title, description or keywords.
 */
@Injectable()
export class DatabaseNewMatchFinder extends NewMatchFinder {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async find(filters: SearchFilters, window: { after: Date; until: Date }, memberId: string): Promise<NewMatches> {
    const where: Prisma.ResourceWhereInput = {
      state: 'published',
      publishedAt: { gt: window.after, lte: window.until },
      OR: [{ authorId: null }, { authorId: { not: memberId } }],
      AND: conditions(filters),
    };
    const [count, first] = await Promise.all([
      this.prisma.resource.count({ where }),
      this.prisma.resource.findFirst({ where, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { id: true, title: true } }),
    ]);
    return { count, first };
  }
}

function conditions(filters: SearchFilters): Prisma.ResourceWhereInput[] {
  const all: Prisma.ResourceWhereInput[] = [];
  if (filters.subject.length) all.push({ subjects: { some: { subjectKey: { in: filters.subject } } } });
  if (filters.level.length) all.push({ levels: { some: { levelKey: { in: filters.level } } } });
  if (filters.type.length) all.push({ type: { in: filters.type } });
  if (filters.language.length) all.push({ language: { in: filters.language } });
  if (filters.licence.length) all.push({ licence: { in: filters.licence } });
  if (filters.age.length) all.push({ OR: filters.age.map((band) => ({ ageMin: { lte: AGE_BANDS[band].max }, ageMax: { gte: AGE_BANDS[band].min } })) });
  if (filters.media.length) all.push({ OR: filters.media.map((kind) => (kind === 'file' ? { files: { some: {} } } : { link: { not: null } })) });
  for (const word of words(filters.q)) {
    all.push({ OR: [{ title: { contains: word, mode: 'insensitive' } }, { description: { contains: word, mode: 'insensitive' } }, { keywords: { has: word.toLowerCase() } }] });
  }
  return all;
}

/** The words of a web-search query, without operators, quotes or excluded words. */
function words(q: string): string[] {
  return q
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !word.startsWith('-') && word.toLowerCase() !== 'or')
    .map((word) => word.replace(/^[+~]+/, ''))
    .filter(Boolean)
    .slice(0, 10);
}
