import { Injectable } from '@nestjs/common';
import type { Taxonomy } from '@lesplein/contracts/taxonomy';
import { ValidationFailed } from '../../core/errors/domain-error.js';
import { TaxonomyRepository } from './taxonomy.repository.js';
import { flemishTaxonomy } from './taxonomy.seed.js';

/** The education taxonomy: read by everyone, seeded on first start. */
@Injectable()
export class TaxonomyService {
  constructor(private readonly repository: TaxonomyRepository) {}

  async get(): Promise<Taxonomy> {
    const [levels, subjects] = await Promise.all([this.repository.levels(), this.repository.subjects()]);
    return {
      levels: levels.map(({ key, nameNl, nameEn, minAge, maxAge, parentKey }) => ({ key, nameNl, nameEn, minAge, maxAge, parentKey })),
      subjects: subjects.map(({ key, nameNl, nameEn, parentKey }) => ({ key, nameNl, nameEn, parentKey })),
    };
  }

  /** Seeds the shipped Flemish taxonomy when the tables are empty. */
  async seedIfEmpty(): Promise<boolean> {
    if (!(await this.repository.isEmpty())) return false;
    const { levels, subjects } = flemishTaxonomy();
    await this.repository.insert(levels, subjects);
    return true;
  }

  /** Throws 400 naming the field when a subject or level key is unknown. */
  async assertKnown(subjects: string[] | undefined, levels: string[] | undefined): Promise<void> {
    const errors = [
      ...(subjects ? (await this.repository.unknownKeys('subject', subjects)).map((key) => ({ path: 'subjects', message: `Onbekend vak / Unknown subject: ${key}` })) : []),
      ...(levels ? (await this.repository.unknownKeys('level', levels)).map((key) => ({ path: 'levels', message: `Onbekend niveau / Unknown level: ${key}` })) : []),
    ];
    if (errors.length > 0) throw ValidationFailed(errors);
  }
}
