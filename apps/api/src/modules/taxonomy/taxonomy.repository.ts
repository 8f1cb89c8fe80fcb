import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';

export interface LevelSeed {
  key: string;
  nameNl: string;
  nameEn: string;
  minAge: number;
  maxAge: number;
  position: number;
  parentKey: string | null;
}
export interface SubjectSeed {
  key: string;
  nameNl: string;
  nameEn: string;
  position: number;
  parentKey: string | null;
}

/** Education levels and subjects. */
@Injectable()
export class TaxonomyRepository {
  constructor(private readonly prisma: PrismaService) {}

  levels() {
    return this.prisma.educationLevel.findMany({ orderBy: { position: 'asc' } });
  }

  subjects() {
    return this.prisma.subject.findMany({ orderBy: { position: 'asc' } });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.educationLevel.count()) === 0 && (await this.prisma.subject.count()) === 0;
  }

  /** Which of these keys are not known subjects / levels. */
  async unknownKeys(kind: 'subject' | 'level', keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const found =
      kind === 'subject'
        ? await this.prisma.subject.findMany({ where: { key: { in: keys } }, select: { key: true } })
        : await this.prisma.educationLevel.findMany({ where: { key: { in: keys } }, select: { key: true } });
    const known = new Set(found.map((row) => row.key));
    return keys.filter((key) => !known.has(key));
  }

  /** Inserts the seed rows (parents first, as given). */
  async insert(levels: LevelSeed[], subjects: SubjectSeed[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const level of levels) await tx.educationLevel.upsert({ where: { key: level.key }, create: level, update: {} });
      for (const subject of subjects) await tx.subject.upsert({ where: { key: subject.key }, create: subject, update: {} });
    });
  }
}
